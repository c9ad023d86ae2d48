/**
 * The hospital's failover store (src/main/store/hospital/hospital-store.ts), opened as the app
 * opens it (open-hospital-store.ts), held to the same storage contract as the two engines:
 * - with its server up, on a real throwaway PostgreSQL cluster: every call goes through to the
 *   server, so it must behave exactly as the PostgreSQL store does;
 * - with its server away (nothing listens where it points): every call is served by the
 *   station's own SQLite file, where the contract suite expects what it says differs on purpose
 *   (offline numbers, unknown visits unanswerable, nothing of the server's alone). The suite's
 *   test of interrupted prints needs stores sharing one database, which stations working on
 *   their own files never do, so it does not run offline.
 */
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { nullLogger } from '../../../src/main/logging/logger';
import type { HospitalStore } from '../../../src/main/store/hospital/hospital-store';
import { openHospitalStore } from '../../../src/main/store/hospital/open-hospital-store';
import { PG_LATEST_SCHEMA_VERSION } from '../../../src/main/store/postgres/migrations';
import type { PrintRun } from '../../../src/main/store/print-owner';
import { tempDir } from '../../unit/checkin/fakes';
import { storeContract } from '../../unit/store/store-contract-suite';
import type { PgCluster } from '../support/pg-cluster';
import { describeOnPg } from '../support/describe-on-pg';
import { freshDatabase } from './pg-databases';

async function station(url: string, printRun?: PrintRun): Promise<HospitalStore> {
  const store = await openHospitalStore({
    server: { url, applicationName: 'kiosk-test failover', connectTimeoutMs: 2000 },
    localFile: path.join(tempDir('kiosk-failover-'), 'kiosk.sqlite'),
    logger: nullLogger,
    printRun,
  });
  // The first probe of the server done, so that every call of the test is routed as it says.
  await store.syncNow();
  return store;
}

let cluster: PgCluster;

describeOnPg('hospital failover store, server up', (started) => {
  beforeAll(() => {
    cluster = started();
  });

  storeContract({
    async open() {
      const store = await station(await freshDatabase(cluster));
      expect(store.serverReachable).toBe(true);
      return store;
    },
    async openShared(runs) {
      const url = await freshDatabase(cluster);
      const stores: HospitalStore[] = [];
      for (const run of runs) stores.push(await station(url, run));
      return stores;
    },
    latestSchemaVersion: PG_LATEST_SCHEMA_VERSION,
    sharedQueue: true,
  });
});

/** A local port nobody listens on: connecting is refused at once, as with a server that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('hospital failover store, server down', () => {
  storeContract({
    async open() {
      const store = await station(`postgres://kiosk@127.0.0.1:${await closedPort()}/kiosk`);
      expect(store.serverReachable).toBe(false);
      return store;
    },
    latestSchemaVersion: PG_LATEST_SCHEMA_VERSION,
    sharedQueue: false,
    offline: true,
  });
});
