/**
 * Many stations on one hospital server (PostgreSQL), as real processes: 8 stations checking in
 * 250 people each into one department at the same moment get the numbers 1…2000 exactly once,
 * and a station killed (SIGKILL) in the middle of check-ins leaves nothing half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../../unit/checkin/fakes';
import { describeOnPg } from '../support/describe-on-pg';
import { committed, startChild, until } from './checkin-children';
import { freshDatabase } from './pg-databases';
import { auditPgQueue } from './store-checks';

const seqOf = (queueNumber: string): number => Number(queueNumber.split('-').at(-1));

describeOnPg('stations sharing the hospital server', (cluster) => {
  it('8 stations × 250 check-ins into one department at once: numbers 1…2000, no gap, no duplicate', async () => {
    const url = await freshDatabase(cluster());
    const go = path.join(tempDir('kiosk-pg-stations-'), 'go');
    const stations = 8;
    const each = 250;
    // All open a database without a schema: they race the migration too.
    const children = Array.from({ length: stations }, (_, i) =>
      startChild([url, 'count', `7${i}`, String(each), go]),
    );
    await until(() => children.every((c) => c.lines.includes('ready')), 180_000, 'all ready');
    fs.writeFileSync(go, '');
    expect(await Promise.all(children.map((c) => c.exited))).toEqual(children.map(() => 0));

    const numbers = children.flatMap(committed);
    expect(numbers).toHaveLength(stations * each);
    expect(new Set(numbers).size).toBe(stations * each);
    // Server numbers: no station prefix, one queue for all stations.
    expect(numbers.every((n) => /^KHAM-T-\d{3,}$/.test(n))).toBe(true);
    const seqs = numbers.map(seqOf).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: stations * each }, (_, i) => i + 1));
    // The stations really interleaved: each got numbers spread over the run, not one block.
    for (const c of children) {
      const own = committed(c).map(seqOf);
      expect(Math.max(...own) - Math.min(...own)).toBeGreaterThan(each);
    }

    const audit = await auditPgQueue(url);
    expect(audit.problems).toEqual([]);
    expect(audit.visits).toBe(stations * each);
    expect(audit.rechecks).toBe(stations * each);
  }, 600_000);

  it('SIGKILL mid-check-in, several times: nothing half-written, no gap, the queue goes on', async () => {
    const url = await freshDatabase(cluster());
    const reported: string[] = [];
    // The server logs each client that vanished inside a transaction: that is how the test knows
    // a kill landed between BEGIN and COMMIT (it goes on until three did, twelve rounds at most).
    const serverLog = path.join(path.dirname(cluster().dataDir), 'server.log');
    const killedInTransaction = (): number =>
      (
        fs
          .readFileSync(serverLog, 'utf8')
          .match(/unexpected EOF on client connection with an open transaction/g) ?? []
      ).length;
    let rounds = 0;
    while (rounds < 12 && (rounds < 3 || killedInTransaction() < 3)) {
      rounds++;
      const child = startChild([url, 'loop', `9${String(rounds).padStart(2, '0')}`]);
      await until(() => committed(child).length >= 1, 120_000, `round ${rounds} to start`);
      // A random while, so that the kill lands at a different point of a transaction each time.
      await new Promise((r) => setTimeout(r, 10 + Math.floor(Math.random() * 150)));
      child.proc.kill('SIGKILL');
      expect(await child.exited).toBeNull();
      reported.push(...committed(child));
      // The server notices the closed connection a moment later.
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(killedInTransaction()).toBeGreaterThanOrEqual(3);
    // The killed stations hold no lock: another station checks in at once, after their numbers.
    const go = path.join(tempDir('kiosk-pg-kill-'), 'go');
    fs.writeFileSync(go, '');
    const next = startChild([url, 'count', '88', '3', go]);
    expect(await next.exited).toBe(0);

    const audit = await auditPgQueue(url);
    expect(audit.problems).toEqual([]);
    // Every number a station saw committed is on the server...
    expect(reported.filter((n) => !audit.numbers.has(n))).toEqual([]);
    // ...each visit came with its re-check row in the same transaction...
    expect(audit.rechecks).toBe(audit.visits);
    // ...and the stations really were killed in the middle of a stream of check-ins.
    expect(audit.visits).toBeGreaterThanOrEqual(rounds + 3);
    expect(new Set(reported).size).toBe(reported.length);
  }, 600_000);
});
