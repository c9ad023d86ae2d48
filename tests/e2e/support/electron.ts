/**
 * Launching the real Electron app. No Electron binary can be downloaded on the build machines,
 * so specs call `skipWithoutElectron()` first: Playwright then reports them as skipped with the
 * reason instead of passing silently.
 */
import { test, _electron, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function electronBinary(): string | null {
  try {
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export const NO_ELECTRON_REASON =
  'no Electron binary installed (node_modules/electron/dist is missing: its download is not reachable from this machine)';

export function skipWithoutElectron(): void {
  test.skip(electronBinary() === null, NO_ELECTRON_REASON);
}

export async function launchApp(
  config?: Record<string, unknown>,
): Promise<{ app: ElectronApplication; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-'));
  // The face check has its own spec (face-check.spec.ts); these walk the check-in without it.
  const file = { face: { policy: 'off' }, ...config };
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(file));
  const app = await _electron.launch({
    executablePath: electronBinary() ?? undefined,
    args: [path.resolve('out/main/index.js'), '--no-sandbox'],
    env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_NO_DIALOGS: '1' },
  });
  return { app, dataDir };
}
