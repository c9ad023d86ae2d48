#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine: system packages (when root or with sudo), npm dependencies,
# and the Electron runtime when it can be downloaded. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  pcscd libpcsclite-dev pcsc-tools vsmartcard-vpcd # PC/SC daemon, headers for the addon, virtual reader
  chromium                                        # renderer end-to-end tests and PDF slips under Node
  fonts-noto-core                                 # Vietnamese glyphs for screenshots
  poppler-utils                                   # pdftotext / pdftoppm for slip tests
  libopenjp2-tools                                # opj_decompress: JPEG 2000 photos in tests
  xvfb xauth                                      # a display for Electron tests on headless machines
  python3 make g++                                # node-gyp for better-sqlite3 and pcsclite
  postgresql                                      # the hospital server engine; tests start throwaway clusters
  espeak-ng sox                                   # spoken calls in Vietnamese; sox measures audio in tests
)

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="skip"; fi
  fi
  if [ "$SUDO" = "skip" ]; then
    echo "setup: not root and no sudo; install these yourself: ${APT_PACKAGES[*]}" >&2
  else
    echo "setup: installing system packages"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}"
  fi
fi

# The Electron binary is fetched separately below so that a machine without access to its
# download host still gets every npm dependency (and the native addons built for Node).
echo "setup: installing npm dependencies"
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-audit --no-fund

if node -e "require('electron')" >/dev/null 2>&1 && [ -x "$(node -p "require('electron')" 2>/dev/null)" ]; then
  echo "setup: Electron runtime present"
else
  echo "setup: fetching the Electron runtime (optional)"
  if timeout 300 node node_modules/electron/install.js >/dev/null 2>&1; then
    echo "setup: Electron runtime installed"
  else
    echo "setup: the Electron runtime could not be downloaded; 'npm start' will run the web host in Chromium instead"
  fi
fi
echo "setup: done"
