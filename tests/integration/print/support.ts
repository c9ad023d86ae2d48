import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../../src/main/config/load-config';
import type { KioskConfig } from '../../../src/main/config/schema';

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
}

export function printConfig(printer: Record<string, unknown>): KioskConfig {
  return parseConfig({ printer: { timeZone: 'Asia/Ho_Chi_Minh', ...printer } }, 'test-config.json');
}
