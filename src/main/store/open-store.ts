/**
 * The store as configured: the station's own SQLite file `<dataDir>/<store.file>` (engine
 * "sqlite"), or the hospital's PostgreSQL server `store.postgres.url` (engine "postgres"), opened
 * and brought to the latest schema. The app, the CLI and `doctor` open it through here.
 */
import type { KioskConfig } from '../config/schema';
import { inDataDir } from '../config/load-config';
import type { Logger } from '../logging/logger';
import { openPostgresStore } from './postgres/postgres-store';
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
  if (o.config.store.engine === 'postgres' && pg) {
    return openPostgresStore({
      url: pg.url,
      max: pg.poolMax,
      connectTimeoutMs: pg.connectTimeoutMs,
      statementTimeoutMs: pg.statementTimeoutMs,
      applicationName: `kiosk ${o.config.station.id}`,
      logger,
    });
  }
  return openSqliteStore({
    file: storeFile(o.dataDir, o.config),
    busyTimeoutMs: o.config.store.busyTimeoutMs,
    logger,
    printRun: { station: o.config.station.id, run: processRunId() },
  });
}
