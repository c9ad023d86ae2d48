import { execFileSync } from 'node:child_process';
import fs, { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFileLogger } from './test-log-file';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';

const person = SIM_IDENTITIES[2]!;

function newDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'kiosk-log-'));
}

describe('rotating log file', () => {
  it('writes JSON lines into <dataDir>/logs and rotates by size', async () => {
    const dataDir = newDataDir();
    const logger = testFileLogger(dataDir, 10_000, 3);
    // Rotation runs in the background: give it a turn now and then, as a running kiosk does.
    for (let i = 0; i < 400; i++) {
      logger.info('tick', { i, pad: 'x'.repeat(40) });
      if (i % 20 === 19) await logger.flush();
    }
    await logger.flush();
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
    await logger.close();
  });

  it('lines reach the file, redacted, once flushed', async () => {
    const dataDir = newDataDir();
    const logger = testFileLogger(dataDir);
    logger.child({ proc: 'main' }).warn(`lookup failed for ${person.card.idNumber}`, {
      fullName: person.card.fullName,
      detail: `born ${person.card.dateOfBirth}`,
      attempt: 2,
    });
    await logger.flush();
    const text = readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8');
    expect(text).not.toContain(person.card.idNumber);
    expect(text).not.toContain(person.card.fullName);
    expect(text).not.toContain(person.card.dateOfBirth!);
    const line = JSON.parse(text.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'warn',
      proc: 'main',
      fullName: '[redacted]',
      attempt: 2,
      msg: 'lookup failed for [number]',
    });
    expect(Number.isNaN(Date.parse(line.time as string))).toBe(false);
    await logger.close();
  });

  // The log is a named pipe nobody reads yet: opening it for writing waits until a reader comes,
  // as a hung network share or a dying disk would. A synchronous append would block the caller
  // (Electron's main thread) right here, and this test would never get past the first line.
  it.skipIf(process.platform === 'win32')(
    'a blocked destination does not stall the caller; the lines follow when it unblocks',
    async () => {
      const dataDir = newDataDir();
      const pipe = path.join(dataDir, 'logs', 'kiosk.log');
      fs.mkdirSync(path.dirname(pipe), { mode: 0o700 });
      execFileSync('mkfifo', ['-m', '600', pipe]);
      const logger = testFileLogger(dataDir);
      for (let i = 0; i < 50; i++) logger.info('queued', { i, idNumber: person.card.idNumber });

      const reader = fs.createReadStream(pipe, 'utf8');
      const chunks: string[] = [];
      reader.on('data', (chunk) => chunks.push(chunk as string));
      const ended = new Promise<void>((resolve) => reader.on('end', () => resolve()));
      await logger.close();
      await ended;

      const lines = chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { i: number; idNumber: string });
      expect(lines.map((l) => l.i)).toEqual([...Array(50).keys()]);
      expect(lines.every((l) => l.idNumber === '[redacted]')).toBe(true);
    },
  );
});
