#!/usr/bin/env bash
# Every test: static checks, unit and integration tests under Node (pcscd and vpcd included),
# the production build, the renderer end to end in Debian's Chromium, and the Electron end-to-end
# tests (reported as skipped, with the reason, when no Electron binary is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's time, and the whole suite's at the end (also when a step fails), so a slow step
# shows long before CI's 90-minute limit does.
suite_start=$SECONDS
step_name=""
step_start=$SECONDS
step_done() {
  if [ -n "$step_name" ]; then
    printf '    (%s: %ss)\n' "$step_name" "$((SECONDS - step_start))"
  fi
}
step() {
  step_done
  step_name="$*"
  step_start=$SECONDS
  printf '\n=== %s\n' "$*"
}
suite_time() {
  local status=$?
  step_done
  local total=$((SECONDS - suite_start))
  printf '\n=== whole suite: %dm%02ds (exit %d)\n' "$((total / 60))" "$((total % 60))" "$status"
}
trap suite_time EXIT

node scripts/native-abi.mjs node
step "typecheck"; npm run --silent typecheck
step "lint"; npm run --silent lint
step "format"; npm run --silent format:check
step "unit + integration (vitest)"; npx vitest run
step "build (electron-vite, then the startup bundle checked for simulator code)"; npm run --silent build
step "built CLI answers"
cli_data=$(mktemp -d)
KIOSK_DATA_DIR=$cli_data node out/cli/kiosk.mjs config --json >/dev/null
rm -rf "$cli_data"
step "end to end: Chromium"; npx playwright test --project=chromium
if bash scripts/electron-available.sh; then
  step "end to end: Electron"
  node scripts/native-abi.mjs electron
  status=0
  xvfb-run -a npx playwright test --project=electron || status=$?
  node scripts/native-abi.mjs node
  exit $status
else
  step "end to end: Electron (skipped: no Electron binary installed)"
  npx playwright test --project=electron
fi
