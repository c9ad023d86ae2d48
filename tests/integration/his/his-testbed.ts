/**
 * What the HIS hand-off tests on one station share: the local FHIR test server as the HIS, a
 * station's SQLite store, a configuration with the hand-off on, and the HIS worker on a clock the
 * test sets. Each test opens its own (beforeEach) and closes it (afterEach).
 */
import net from 'node:net';
import { configSchema, defaultConfig, type KioskConfig } from '../../../src/main/config/schema';
import { createHisClient } from '../../../src/main/his/his-client';
import { createHisWorker, type HisWorker } from '../../../src/main/his/his-outbox-worker';
import { nullLogger } from '../../../src/main/logging/logger';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { tempDir } from '../../unit/checkin/fakes';

export { sampleCheckIn } from '../support/sample-check-in';

/** The tests' "now": a day of the sample visits, midday. */
export const HIS_NOW = new Date(2026, 10, 23, 12, 0, 0);

export interface HisTestbed {
  server: FhirTestServer;
  store: KioskStore;
  /** The configuration with the hand-off on, sending to the test server. */
  config: KioskConfig;
  /** What the worker takes as now (HIS_NOW until the test moves it). */
  clock: Date;
  /** A HIS worker on this store; another configuration sends elsewhere (an unreachable HIS). */
  worker(config?: KioskConfig): HisWorker;
  close(): Promise<void>;
}

/** The default configuration with the hand-off on, to `fhirBaseUrl`. */
export function hisConfig(fhirBaseUrl: string): KioskConfig {
  return configSchema.parse({
    ...defaultConfig,
    his: { ...defaultConfig.his, enabled: true, fhirBaseUrl },
  });
}

export async function openHisTestbed(name: string): Promise<HisTestbed> {
  const server = await startFhirTestServer();
  const store = openSqliteStore({ file: `${tempDir(`kiosk-his-${name}-`)}/kiosk.sqlite` });
  const bed: HisTestbed = {
    server,
    store,
    config: hisConfig(server.baseUrl),
    clock: HIS_NOW,
    worker(config = bed.config) {
      return createHisWorker({
        store,
        client: createHisClient(config.his),
        config,
        logger: nullLogger,
        now: () => bed.clock,
      });
    },
    async close() {
      await store.close();
      await server.close();
    },
  };
  return bed;
}

/** A base URL on which nothing listens: the HIS is away. */
export async function unreachableHisUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/fhir`;
}
