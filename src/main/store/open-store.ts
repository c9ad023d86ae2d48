/**
 * The store as configured: the station's own SQLite file `<dataDir>/<store.file>` (engine
 * "sqlite"), or the hospital's PostgreSQL server `store.postgres.url` (engine "postgres"), opened
 * and brought to the latest schema, with the station's own file as its fallback while the server
 * cannot be reached (./hospital). The app, the CLI and `doctor` open it through here.
 */
import type { KioskConfig } from '../config/schema';
import { inDataDir } from '../config/load-config';
import type { Logger } from '../logging/logger';
import { openHospitalStore } from './hospital/open-hospital-store';
import { processRunId } from './print-owner';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { KioskStore } from './store-contract';

export function storeFile(dataDir: string, config: KioskConfig): string {
  return inDataDir(dataDir, config.store.file);
}

export interface OpenStoreOptions {
  dataDir: string;
  config: KioskConfig;
  logger: Logger;
}

export async function openStore(o: OpenStoreOptions): Promise<KioskStore> {
  const logger = o.logger.child({ svc: 'store' });
  const pg = o.config.store.postgres;
  const printRun = { station: o.config.station.id, run: processRunId() };
  if (o.config.store.engine === 'postgres' && pg) {
    // The server, with the station's own file as its fallback while the server is away.
    return openHospitalStore({
      server: {
        url: pg.url,
        max: pg.poolMax,
        connectTimeoutMs: pg.connectTimeoutMs,
        statementTimeoutMs: pg.statementTimeoutMs,
        applicationName: `kiosk ${o.config.station.id}`,
      },
      localFile: storeFile(o.dataDir, o.config),
      busyTimeoutMs: o.config.store.busyTimeoutMs,
      printRun,
      logger: o.logger,
    });
  }
  return openSqliteStore({
    file: storeFile(o.dataDir, o.config),
    busyTimeoutMs: o.config.store.busyTimeoutMs,
    logger,
    printRun,
  });
}
