/**
 * Real processes on one database file: a station killed with SIGKILL in the middle of check-ins,
 * and two stations' processes checking in at the same moment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../unit/checkin/fakes';
import { committed, startChild, until } from './checkin-children';
import { auditQueue } from './store-checks';

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
    // ...each visit came with its queued re-check in the same transaction...
    expect(audit.rechecks).toBe(audit.visits);
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
