/**
 * The time of a call or room action is read inside the store's write transaction, once its locks
 * are held, on each engine: a time read before waiting for a lock could be older than that of a
 * change that overtook it, and the board would list the calls out of order.
 * SQLite: the clock is read while the connection is in its transaction. PostgreSQL: while another
 * connection holds the room's lock, the call waits without having read its time, and reads it
 * only once the lock is released.
 */
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCallingService } from '../../../src/main/calling/calling-service';
import { parseConfig } from '../../../src/main/config/load-config';
import type { KioskStore } from '../../../src/main/store/store-contract';
import type { SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn } from '../../unit/store/requests';
import { ENGINES, useEngine } from '../support/calling-his-engines';

const BASE = Date.now();

describe.each(ENGINES)('the time of a call is taken in the transaction on %s', (kind) => {
  const { skip, current } = useEngine(kind);
  let store: KioskStore;
  const day = hospitalDay(new Date(BASE), 'Asia/Ho_Chi_Minh');

  beforeEach(async () => {
    if (skip) return;
    store = current().store;
    await store.checkIn(
      pendingCheckIn('079200000001', {
        date: day,
        department: 'KHAM',
        lane: 'normal',
        patient: {
          idNumber: '079200000001',
          fullName: 'Nguyễn Văn An',
          dateOfBirth: '1970-01-01',
          sex: 'M',
        },
        createdAt: new Date(BASE - 60_000).toISOString(),
        recheck: null,
      }),
    );
  });

  /** A clock that says when each read happened (in a transaction / after the lock's release). */
  function watchedClock(state: () => { inTransaction: boolean; released: boolean }) {
    const reads: { value: string; inTransaction: boolean; released: boolean }[] = [];
    let tick = 0;
    const now = (): Date => {
      const d = new Date(BASE + ++tick * 1000);
      reads.push({ value: d.toISOString(), ...state() });
      return d;
    };
    return { now, reads };
  }

  const service = (now: () => Date) =>
    createCallingService({
      config: parseConfig({ version: 1 }, 'test'),
      dataDir: tempDir('kiosk-call-time-'),
      store,
      now,
    });

  it.skipIf(skip || kind !== 'sqlite')(
    'SQLite: the call and each room action read the clock inside the write transaction',
    async () => {
      const db = (store as SqliteStore).database;
      const { now, reads } = watchedClock(() => ({
        inTransaction: db.inTransaction,
        released: true,
      }));
      const calling = service(now);
      const visit = (await calling.callNext('101'))!;
      const inRoom = await calling.act(visit.id, 'patient-in', '101');
      const events = await current().progressEvents(visit.id);
      expect(events.map((e) => e.state)).toEqual(['called', 'in-room']);
      // Each recorded time is a read made inside the transaction.
      const stamped = [visit.progress!.at, inRoom.progress!.at];
      for (const at of stamped) {
        expect(reads.find((r) => r.value === at)?.inTransaction, at!).toBe(true);
      }
    },
  );

  it.skipIf(skip || kind !== 'postgres')(
    'PostgreSQL: a call waiting for the room lock reads its time only after getting it',
    async () => {
      const url = (current().storeConfig as { postgres: { url: string } }).postgres.url;
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      let released = false;
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kiosk-call:${day}:101`]);
        const { now, reads } = watchedClock(() => ({ inTransaction: true, released }));
        const calling = service(now);
        const call = calling.callNext('101');
        // Wait until the call is queued behind the held lock (a waiting lock request is visible).
        for (;;) {
          const { rows } = await holder.query<{ n: string }>(
            `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          );
          if (Number(rows[0]!.n) > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        const readWhileWaiting = reads.length;
        released = true;
        await holder.query('COMMIT');
        const visit = (await call)!;
        // Only the day was read before the lock; the call's own time after the release.
        expect(readWhileWaiting).toBe(1);
        const stamp = reads.find((r) => r.value === visit.progress!.at);
        expect(stamp?.released).toBe(true);
      } finally {
        if (!released) await holder.query('ROLLBACK').catch(() => {});
        await holder.end();
      }
    },
  );
});
