/**
 * Where the `resources/` folder is: next to package.json in a checkout, under
 * `process.resourcesPath` in a packaged Electron app. KIOSK_RESOURCES_DIR overrides both.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function resourcesDir(): string {
  if (cached) return cached;
  const override = process.env.KIOSK_RESOURCES_DIR;
  if (override) return (cached = resolve(override));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'resources'))) {
    return (cached = join(packaged, 'resources'));
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) {
      return (cached = join(dir, 'resources'));
    }
    dir = dirname(dir);
  }
  throw new Error('resources folder not found (set KIOSK_RESOURCES_DIR)');
}

export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts);
}
