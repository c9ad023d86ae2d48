/**
 * LISTEN/NOTIFY between stations on a real throwaway PostgreSQL server: a check-in through one
 * station's store reaches another station's feed within a second, and the feed comes back by
 * itself after the server restarts.
 */
import { expect, it } from 'vitest';
import { nullLogger } from '../../../src/main/logging/logger';
import { listenForVisitChanges } from '../../../src/main/store/hospital/pg-change-feed';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import { request } from '../../unit/store/store-contract-suite';
import { describeOnPg } from '../support/describe-on-pg';
import { until } from '../support/until';
import { throughRelay } from '../support/pg-cut-proxy';
import { freshDatabase } from './pg-databases';

/** A check-in by another station's store reaches `heard` within a second. */
async function checkInHeard(url: string, heard: (string | null)[], id: string): Promise<void> {
  const a = await openPostgresStore({ url, applicationName: 'kiosk-test-a' });
  try {
    const { visit } = await a.checkIn(request({ id }));
    await until(() => heard.includes(visit.date), 1000);
  } finally {
    await a.close();
  }
}

describeOnPg('PostgreSQL change feed', (pg) => {
  it("a check-in at station A reaches station B's listener in under a second", async () => {
    const url = await freshDatabase(pg());
    const a = await openPostgresStore({ url, applicationName: 'kiosk-test-a' });
    const b = await openPostgresStore({ url, applicationName: 'kiosk-test-b' });
    const heard: { day: string | null; at: number }[] = [];
    const feed = listenForVisitChanges({
      url,
      logger: nullLogger,
      onChange: (day) => heard.push({ day, at: Date.now() }),
    });
    try {
      await feed.ready;
      for (let i = 0; i < 3; i++) {
        const id = String(300000000000 + i);
        const start = Date.now();
        const { visit } = await a.checkIn(request({ id, stationId: 'K01' }));
        await until(() => heard.some((h) => h.at >= start && h.day === visit.date), 1000);
        const first = heard.find((h) => h.at >= start)!;
        expect(first.at - start).toBeLessThan(1000);
      }
      // B's own store sees what A wrote (the feed only says when to look).
      expect(await b.listVisits({ date: '2026-11-23' })).toHaveLength(3);
    } finally {
      await feed.close();
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('the feed reconnects after the server restarts and asks for a refresh', async () => {
    const url = await freshDatabase(pg());
    const heard: (string | null)[] = [];
    const feed = listenForVisitChanges({
      url,
      logger: nullLogger,
      onChange: (day) => heard.push(day),
      reconnectBaseMs: 50,
      reconnectMaxMs: 200,
    });
    try {
      await feed.ready;
      await pg().pause();
      await until(() => !feed.listening, 5000);
      await pg().start();
      await until(() => feed.listening, 10_000);
      expect(heard).toContain(null);
      await checkInHeard(url, heard, '300000000099');
    } finally {
      await feed.close();
    }
  }, 60_000);

  it('a LISTEN connection that dies without a word is noticed, made again, and asks for a refresh', async () => {
    const url = await freshDatabase(pg());
    const { proxy, url: relayed } = await throughRelay(url, pg());
    const heard: (string | null)[] = [];
    const feed = listenForVisitChanges({
      url: relayed,
      logger: nullLogger,
      onChange: (day) => heard.push(day),
      connectTimeoutMs: 1000,
      reconnectBaseMs: 50,
      reconnectMaxMs: 200,
      heartbeatMs: 300,
    });
    try {
      await feed.ready;
      proxy.silenceOpenConnections();
      await until(() => !feed.listening, 5000);
      await until(() => feed.listening, 10_000);
      expect(heard).toContain(null);
      await checkInHeard(url, heard, '300000000098');
    } finally {
      await feed.close();
      await proxy.close();
    }
  }, 60_000);
});
