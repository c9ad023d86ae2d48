/**
 * The app on the hospital's server (engine "postgres"), with its real services: another
 * station's check-in reaches this app's visits.changed event within a second (LISTEN/NOTIFY),
 * and the server going away and coming back reaches the desk as store.changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { ApiEvents, EventName } from '../../../src/shared/api-contract';
import { createAppServices } from '../../../src/main/app-services';
import { loadConfig } from '../../../src/main/config/load-config';
import { nullLogger } from '../../../src/main/logging/logger';
import { openHospitalStore } from '../../../src/main/store/hospital/open-hospital-store';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { tempDir } from '../../unit/checkin/fakes';
import { request } from '../../unit/store/store-contract-suite';
import { describeOnPg } from '../support/describe-on-pg';
import { until } from '../support/until';
import { freshDatabase } from './pg-databases';

/** Desk K02's app on the server at `url`, with its own data folder. */
async function deskOn(url: string, extra: object = {}) {
  const dataDir = tempDir('kiosk-app-pg-');
  fs.writeFileSync(
    path.join(dataDir, 'config.json'),
    JSON.stringify({
      station: { id: 'K02', mode: 'desk' },
      store: { engine: 'postgres', postgres: { url, connectTimeoutMs: 2000 } },
      ...extra,
    }),
  );
  const { config } = loadConfig(dataDir);
  return { config, app: await createAppServices({ dataDir, config, logger: nullLogger }) };
}

describeOnPg('the app on the hospital server', (pg) => {
  it('hears other stations within a second and tells the desk when the server goes away', async () => {
    const url = await freshDatabase(pg());
    const { app, config } = await deskOn(url);
    const seen: { name: EventName; payload: unknown; at: number }[] = [];
    app.events.subscribe((name, payload) => seen.push({ name, payload, at: Date.now() }));
    const other = await openPostgresStore({ url });
    try {
      expect(await app.handlers['store.status'](null)).toMatchObject({
        engine: 'postgres',
        serverReachable: true,
        waitingUpload: 0,
      });
      // Give the LISTEN connection its moment, then another station checks someone in.
      await new Promise((r) => setTimeout(r, 500));
      const today = hospitalDay(new Date(), config.hospital.timeZone);
      const start = Date.now();
      await other.checkIn(request({ id: '500000000001', stationId: 'K01', date: today }));
      await until(
        () =>
          seen.some(
            (e) =>
              e.name === 'visits.changed' &&
              e.at >= start &&
              (e.payload as ApiEvents['visits.changed']).date === today,
          ),
        1000,
      );
      expect(await app.handlers['visits.list']({})).toHaveLength(1);

      await pg().pause();
      // The next read finds the server gone: the desk shows the local (empty) list, and says so.
      expect(await app.handlers['visits.list']({})).toEqual([]);
      const storeChanged = () =>
        seen
          .filter((e) => e.name === 'store.changed')
          .map((e) => e.payload as ApiEvents['store.changed']);
      await until(() => storeChanged().some((s) => !s.serverReachable), 5000);
      await pg().start();
      await until(() => storeChanged().at(-1)?.serverReachable === true, 30_000);
      expect(await app.handlers['visits.list']({})).toHaveLength(1);
    } finally {
      await other.close();
      await app.close();
    }
  }, 120_000);

  it("the desk finds, reprints and cancels another station's visit; the lookup cache is shared", async () => {
    const url = await freshDatabase(pg());
    const { app, config } = await deskOn(url, { printer: { driver: 'none' } });
    const k01 = await openPostgresStore({ url });
    try {
      const today = hospitalDay(new Date(), config.hospital.timeZone);
      const { visit } = await k01.checkIn(
        request({ id: '500000000003', stationId: 'K01', date: today }),
      );
      // Yesterday at K01, the card was looked up: K02 finds it in the shared cache today.
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      const looked = await k01.checkIn(request({ id: '500000000004', date: today }));
      await k01.saveLookup('500000000004', looked.visit.insurance.result!, yesterday);
      const k02 = await openHospitalStore({
        server: { url, connectTimeoutMs: 2000 },
        localFile: path.join(tempDir('kiosk-K02-'), 'kiosk.sqlite'),
        logger: nullLogger,
        listen: false,
      });
      try {
        expect(await k02.getLookup('500000000004')).toMatchObject({ fetchedAt: yesterday });
      } finally {
        await k02.close();
      }

      const found = await app.handlers['visits.list']({ query: 'nguyen van an' });
      expect(found.map((v) => v.id)).toContain(visit.id);
      expect(await app.handlers['visits.list']({ query: visit.queueNumber })).toEqual([
        expect.objectContaining({ id: visit.id, stationId: 'K01' }),
      ]);
      // Found on the server and of the hospital's today (no printer on this desk: not printed).
      expect(await app.handlers['visits.reprint']({ visitId: visit.id })).toMatchObject({
        visitId: visit.id,
        status: 'not-printed',
      });
      await app.handlers['visits.cancel']({ visitId: visit.id, reason: 'nhầm khoa' });
      expect(await k01.getVisit(visit.id)).toMatchObject({
        status: 'cancelled',
        cancelledReason: 'nhầm khoa',
      });
    } finally {
      await k01.close();
      await app.close();
    }
  }, 120_000);
});
