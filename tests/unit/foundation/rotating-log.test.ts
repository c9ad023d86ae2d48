import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logging/file-logger';

describe('rotating log file', () => {
  it('writes JSON lines into <dataDir>/logs and rotates by size', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-'));
    const logger = createLogger({
      dataDir,
      level: 'info',
      maxFileBytes: 10_000,
      maxFiles: 3,
      console: false,
    });
    for (let i = 0; i < 400; i++) logger.info('tick', { i, pad: 'x'.repeat(40) });
    const files = readdirSync(path.join(dataDir, 'logs')).sort();
    expect(files).toContain('kiosk.log');
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
    const current = readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8')
      .trim()
      .split('\n');
    const last = JSON.parse(current[current.length - 1]!) as { i: number; level: string };
    expect(last).toMatchObject({ i: 399, level: 'info' });
    expect(existsSync(path.join(dataDir, 'logs', 'kiosk.log'))).toBe(true);
  });
});
