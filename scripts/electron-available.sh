#!/usr/bin/env bash
# Exit 0 when an Electron binary is installed (node_modules/electron/dist), 1 otherwise.
cd "$(dirname "$0")/.."
bin="$(node -p "try { require('electron') } catch { '' }" 2>/dev/null || true)"
[ -n "$bin" ] && [ -x "$bin" ]
