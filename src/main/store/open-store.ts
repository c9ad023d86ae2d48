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
import type { PgPoolOptions } from './postgres/pg-pool';
import type { PgStationAccess } from './postgres/postgres-store';
import type { StationMode } from '../../shared/domain';
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

/** How this station connects to the hospital's server; null with engine "sqlite". */
export function serverOptions(config: KioskConfig): PgPoolOptions | null {
  const pg = config.store.postgres;
  if (config.store.engine !== 'postgres' || !pg) return null;
  return {
    url: pg.url,
    tls: { caFile: pg.caFile, certFile: pg.certFile, keyFile: pg.keyFile },
    max: pg.poolMax,
    connectTimeoutMs: pg.connectTimeoutMs,
    statementTimeoutMs: pg.statementTimeoutMs,
    applicationName: `kiosk ${config.station.id}`,
  };
}

/** What a station of this mode reaches on the hospital's server (a desk: the tables). */
export function serverAccess(mode: StationMode): PgStationAccess {
  return mode === 'desk' ? 'tables' : mode;
}

export async function openStore(o: OpenStoreOptions): Promise<KioskStore> {
  const logger = o.logger.child({ svc: 'store' });
  const server = serverOptions(o.config);
  const printRun = { station: o.config.station.id, run: processRunId() };
  if (server) {
    // The server, with the station's own file as its fallback while the server is away.
    return openHospitalStore({
      // Each station kind reaches what its role may (postgres/pg-grants.ts): a public kiosk the
      // kiosk functions, a room its columns of the visits, a display the board's view.
      server: { ...server, access: serverAccess(o.config.station.mode) },
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
