/**
 * Many rooms and stations on one PostgreSQL server at once: every station is its own store (its
 * own pool and connection), and they all call next, or claim HIS items, at the same time. No
 * visit is called twice, none is missed; no HIS item goes to two workers; of two stations acting
 * on one visit at once, one wins. A row that another transaction holds is skipped, not waited
 * for.
 */
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { pgCalling } from '../../../src/main/store/postgres/pg-calling';
import { PgHisOutbox } from '../../../src/main/store/postgres/pg-his-outbox';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import type { PostgresStore } from '../../../src/main/store/postgres/postgres-store';
import type { Lane } from '../../../src/shared/domain';
import { pendingCheckIn, TEST_DAY } from '../../unit/store/requests';
import { describeOnPg } from '../support/describe-on-pg';
import { freshDatabase } from '../store/pg-databases';

const LANES: Lane[] = ['normal', 'normal', 'elderly', 'child', 'pregnant', 'emergency'];
const AT = `${TEST_DAY}T03:00:00.000Z`;

describeOnPg('many callers and HIS workers on one PostgreSQL server', (cluster) => {
  const opened: { end(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((o) => o.end()));
  });
  const station = async (url: string): Promise<PostgresStore> => {
    const s = await openPostgresStore({ url, applicationName: 'kiosk-test' });
    opened.push({ end: () => s.close() });
    return s;
  };
  // A lock waited for fails after 5 s instead of hanging the test.
  const impatientPool = (url: string): pg.Pool => {
    const p = new pg.Pool({ connectionString: url, max: 1, options: '-c lock_timeout=5000' });
    opened.push(p);
    return p;
  };

  /** A fresh database with `count` waiting visits of mixed lanes, in check-in order. */
  async function seeded(count: number): Promise<{ url: string; ids: string[] }> {
    const url = await freshDatabase(cluster());
    const desk = await station(url);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { visit } = await desk.checkIn(
        pendingCheckIn(`0790${String(i).padStart(8, '0')}`, {
          lane: LANES[i % LANES.length]!,
          createdAt: new Date(Date.UTC(2026, 10, 23, 2, 0, 0, i)).toISOString(),
        }),
      );
      ids.push(visit.id);
    }
    return { url, ids };
  }

  /** One station calling next for its room until nobody waits; the ids it got. */
  async function caller(url: string, room: string, stationId: string): Promise<string[]> {
    const s = await station(url);
    const got: string[] = [];
    for (;;) {
      const v = await s.callNext({
        date: TEST_DAY,
        room,
        departments: ['KHAM'],
        stationId,
        at: AT,
        policy: DEFAULT_QUEUE_POLICY,
      });
      if (!v) return got;
      got.push(v.id);
    }
  }

  it('8 stations calling at once, 2 per room on 4 rooms: each visit exactly once', async () => {
    const { url, ids } = await seeded(240);
    const callers = ['101', '102', '103', '104'].flatMap((room) => [
      caller(url, room, `K${room}a`),
      caller(url, room, `K${room}b`),
    ]);
    const got = (await Promise.all(callers)).flat();
    expect(got).toHaveLength(ids.length);
    expect(new Set(got)).toEqual(new Set(ids));
    // One event per call; every visit ended called, once.
    const { rows } = await impatientPool(url).query<{
      events: string;
      calls: string;
      waiting: string;
    }>(
      `SELECT (SELECT count(*) FROM visit_progress_events) AS events,
              (SELECT sum(call_count) FROM visits) AS calls,
              (SELECT count(*) FROM visits WHERE progress = 'waiting') AS waiting`,
    );
    expect(rows[0]).toEqual({ events: '240', calls: '240', waiting: '0' });
  }, 120_000);

  it('6 stations calling next for the same room at once never get the same visit', async () => {
    const { url, ids } = await seeded(90);
    const got = (
      await Promise.all(Array.from({ length: 6 }, (_, i) => caller(url, '101', `K0${i}`)))
    ).flat();
    expect(got).toHaveLength(ids.length);
    expect(new Set(got).size).toBe(ids.length);
  }, 120_000);

  it('a visit another room holds is skipped at once, not waited for', async () => {
    const { url, ids } = await seeded(2);
    // Both normal lane (LANES): without the lock, the policy would pick the first.
    const holder = await impatientPool(url).connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM visits WHERE id = $1 FOR UPDATE', [ids[0]]);
      const got = await pgCalling(impatientPool(url)).callNext({
        date: TEST_DAY,
        room: '102',
        departments: ['KHAM'],
        stationId: 'K02',
        at: AT,
        policy: DEFAULT_QUEUE_POLICY,
      });
      expect(got?.id).toBe(ids[1]);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  }, 60_000);

  it('two stations acting on one called visit at once: one wins, the other is refused', async () => {
    const rounds = 10;
    const { url } = await seeded(rounds);
    const [a, b] = [await station(url), await station(url)];
    for (let i = 0; i < rounds; i++) {
      const called = await a.callNext({
        date: TEST_DAY,
        room: '101',
        departments: ['KHAM'],
        stationId: 'K01',
        at: AT,
        policy: DEFAULT_QUEUE_POLICY,
      });
      const act = (s: PostgresStore, action: 'patient-in' | 'skip', stationId: string) =>
        s.roomAction({ visitId: called!.id, action, room: '101', stationId, at: AT });
      const results = await Promise.allSettled([
        act(a, 'patient-in', 'K01'),
        act(b, 'skip', 'K02'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.filter((r) => r.status === 'rejected');
      expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual([
        'QUEUE_TRANSITION_INVALID',
      ]);
      expect(['in-room', 'skipped']).toContain((await a.getVisit(called!.id))!.progress!.state);
    }
    // One call and one action per visit: the refused action left nothing behind.
    const { rows } = await impatientPool(url).query<{ n: string }>(
      'SELECT count(*) AS n FROM visit_progress_events',
    );
    expect(rows[0]!.n).toBe(String(2 * rounds));
  }, 60_000);

  it('three HIS workers claiming at once never share an item; together they get all', async () => {
    const { url, ids } = await seeded(120);
    await (
      await station(url)
    ).hisOutbox.track(
      ids.map((visitId) => ({ visitId, bundleHash: `h-${visitId}` })),
      AT,
    );
    const worker = async (): Promise<string[]> => {
      const outbox = (await station(url)).hisOutbox;
      const got: string[] = [];
      for (;;) {
        const items = await outbox.claim({
          now: AT,
          leaseUntil: `${TEST_DAY}T09:00:00.000Z`,
          limit: 7,
        });
        if (items.length === 0) return got;
        for (const item of items) {
          got.push(item.visitId);
          await outbox.markSent(item.visitId, item.bundleHash, 201, AT);
        }
      }
    };
    const all = (await Promise.all([worker(), worker(), worker()])).flat();
    expect(all).toHaveLength(ids.length);
    expect(new Set(all)).toEqual(new Set(ids));
    expect(await (await station(url)).hisOutbox.counts()).toEqual({
      waiting: 0,
      refused: 0,
      sent: ids.length,
    });
  }, 120_000);

  it('a HIS item another worker holds is skipped by the next claim', async () => {
    const { url, ids } = await seeded(2);
    const outbox = new PgHisOutbox(impatientPool(url));
    await outbox.track(
      ids.map((visitId, i) => ({ visitId, bundleHash: `h${i}` })),
      AT,
    );
    const holder = await impatientPool(url).connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM his_outbox WHERE visit_id = $1 FOR UPDATE', [ids[0]]);
      const items = await outbox.claim({ now: AT, leaseUntil: AT, limit: 10 });
      expect(items.map((i) => i.visitId)).toEqual([ids[1]]);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  }, 60_000);
});
