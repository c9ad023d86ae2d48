#!/usr/bin/env bash
# Starts the app: the Electron desktop app when its runtime is installed, otherwise the same
# renderer in Chromium through the loopback web host.
set -euo pipefail
cd "$(dirname "$0")/.."
if bash scripts/electron-available.sh; then
  node scripts/native-abi.mjs electron
  npx electron-vite build
  exec npx electron-vite preview
fi
echo "start: no Electron runtime here; starting the web host (open the printed URL in a browser)"
npx electron-vite build
exec npx tsx src/main/web-host/start.node.ts --open "$@"
