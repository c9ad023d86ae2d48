/**
 * Real processes on one database file: a station killed with SIGKILL in the middle of check-ins,
 * and two stations' processes checking in at the same moment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../unit/checkin/fakes';
import { auditQueue } from './store-checks';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'checkin-child.ts');

interface Child {
  proc: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function startChild(args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    }),
  );
  return { proc, lines, exited };
}

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!cond()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const committed = (c: Child): string[] =>
  c.lines.filter((l) => l.startsWith('ok ')).map((l) => l.slice(3));

describe('crash safety', () => {
  it('SIGKILL mid-check-in, several times: no lost, duplicated or skipped numbers, nothing half-written', async () => {
    const file = path.join(tempDir('kiosk-crash-'), 'kiosk.sqlite');
    const reported: string[] = [];
    const rounds = 6;
    for (let round = 1; round <= rounds; round++) {
      const child = startChild([file, 'loop', `9${round}`]);
      await until(() => committed(child).length >= 1, 60_000, `round ${round} to start`);
      // Let it run a random while so that the kill lands at a different point each time.
      await new Promise((r) => setTimeout(r, 10 + Math.floor(Math.random() * 150)));
      child.proc.kill('SIGKILL');
      expect(await child.exited).toBeNull();
      reported.push(...committed(child));
    }
    const audit = auditQueue(file);
    expect(audit.integrity).toBe('ok');
    expect(audit.problems).toEqual([]);
    // Every number the process saw committed is in the database...
    expect(reported.filter((n) => !audit.numbers.has(n))).toEqual([]);
    // ...each visit came with its outbox item in the same transaction...
    expect(audit.outbox).toBe(audit.visits);
    // ...and the process really was killed in the middle of a stream of check-ins.
    expect(audit.visits).toBeGreaterThanOrEqual(rounds);
    expect(new Set(reported).size).toBe(reported.length);
  });
});

describe('two processes', () => {
  it('check in at the same moment on one file: distinct numbers, no gaps', async () => {
    const dir = tempDir('kiosk-two-');
    const file = path.join(dir, 'kiosk.sqlite');
    const go = path.join(dir, 'go');
    const n = 120;
    // Both open a database that does not exist yet: the migrations race too.
    const a = startChild([file, 'count', '81', String(n), go]);
    const b = startChild([file, 'count', '82', String(n), go]);
    await until(() => a.lines.includes('ready') && b.lines.includes('ready'), 60_000, 'both ready');
    fs.writeFileSync(go, '');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    const numbersA = committed(a);
    const numbersB = committed(b);
    expect(numbersA).toHaveLength(n);
    expect(numbersB).toHaveLength(n);
    const all = new Set([...numbersA, ...numbersB]);
    expect(all.size).toBe(2 * n);
    const seqs = [...all].map((q) => Number(q.split('-').at(-1))).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 2 * n }, (_, i) => i + 1));

    const audit = auditQueue(file);
    expect(audit.problems).toEqual([]);
    expect(audit.visits).toBe(2 * n);
  });
});
