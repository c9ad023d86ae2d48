/**
 * The store on its own (single-threaded Node, so one core; pin with `taskset -c 0`):
 * - check-ins per second: one IMMEDIATE transaction each (existing-visit check, counter bump,
 *   visit insert, re-check insert), synchronous=FULL as shipped and NORMAL for comparison;
 * - queue-number allocations per second: the counter bump alone, committed one by one, and
 *   without the commit (the CPU cost inside a transaction);
 * - database size per 100 000 visits with realistic insurance results;
 * - then the hospital's PostgreSQL server with 1, 4 and 8 station processes, and the upload of a
 *   station's offline visits (./store-postgres.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Lane } from '../src/shared/domain';
import { prepareQueueCounter } from '../src/main/store/sqlite/queue-counter';
import { openSqliteStore, type SqliteStore } from '../src/main/store/sqlite/sqlite-store';
import type { Report } from './report';
import { benchRequest } from './store-requests';
import { postgresBench } from './store-postgres';

function fresh(synchronous: 'FULL' | 'NORMAL' = 'FULL'): SqliteStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-store-'));
  return openSqliteStore({ file: path.join(dir, 'kiosk.sqlite'), synchronous });
}

async function perSecond(count: number, run: () => void | Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await run();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return (count / ms) * 1000;
}

async function cleanup(store: SqliteStore): Promise<void> {
  await store.close();
  fs.rmSync(path.dirname(store.location), { recursive: true, force: true });
}

export default async function bench(report: Report): Promise<void> {
  const N = 1000;
  for (const sync of ['FULL', 'NORMAL'] as const) {
    const rates: number[] = [];
    for (let run = 0; run < 5; run++) {
      const store = fresh(sync);
      rates.push(
        await perSecond(N, async () => {
          for (let i = 0; i < N; i++) await store.checkIn(benchRequest(i));
        }),
      );
      await cleanup(store);
    }
    report.samples(`check-ins per second (synchronous=${sync}, ${N} per run)`, rates, '/s');
  }

  {
    const committed: number[] = [];
    const inTx: number[] = [];
    for (let run = 0; run < 5; run++) {
      const store = fresh('FULL');
      const next = prepareQueueCounter(store.database);
      const key = {
        day: '2026-11-23',
        stationId: 'K01',
        department: 'KHAM',
        lane: 'normal' as Lane,
      };
      const one = store.database.transaction(() => next(key));
      committed.push(
        await perSecond(N, () => {
          for (let i = 0; i < N; i++) one.immediate();
        }),
      );
      const many = store.database.transaction((n: number) => {
        for (let i = 0; i < n; i++) next(key);
      });
      const M = 100_000;
      inTx.push(await perSecond(M, () => many.immediate(M)));
      await cleanup(store);
    }
    report.samples('queue-number allocations per second (one commit each, FULL)', committed, '/s');
    report.samples('queue-number allocations per second (inside one transaction)', inTx, '/s');
  }

  {
    const store = fresh('NORMAL');
    const TOTAL = 100_000;
    const perDay = 2000;
    const done: Promise<unknown>[] = [];
    const batch = store.database.transaction((from: number) => {
      for (let i = from; i < from + perDay; i++) {
        const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / perDay) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        done.push(store.checkIn(benchRequest(i, { date: day })));
      }
    });
    // The SQLite engine runs checkIn's IMMEDIATE transaction synchronously before its promise
    // settles, so nested in `batch` it becomes a savepoint; its result is awaited afterwards.
    for (let from = 0; from < TOTAL; from += perDay) batch.immediate(from);
    await Promise.all(done);
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.statSync(store.location).size;
    const jsonBytes = (
      store.database.prepare('SELECT avg(length(insurance_json)) AS n FROM visits').get() as {
        n: number;
      }
    ).n;
    report.figure('database size per 100 000 visits', bytes / 1e6, 'MB');
    report.figure('average insurance JSON per visit', jsonBytes, 'bytes');
    await cleanup(store);
  }

  await postgresBench(report);
}
