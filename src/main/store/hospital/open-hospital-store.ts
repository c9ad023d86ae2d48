/**
 * Opens a station on the hospital's PostgreSQL server with its offline fallback: the station's
 * own SQLite file (offline numbers), the server (migrated on open), the LISTEN feed of other
 * stations' changes, and the failover store over them (./hospital-store.ts).
 *
 * A server that cannot be reached at start does not stop the station: it starts offline and the
 * server is opened (and migrated) by the first call that finds it back. A server that answers but
 * refuses (wrong password, schema too new) stops the start with that error: working offline
 * would only hide what staff must fix.
 */
import type { Logger } from '../../logging/logger';
import { openPostgresStore, type PostgresStoreOptions } from '../postgres/open-postgres-store';
import { openSqliteStore } from '../sqlite/sqlite-store';
import { HospitalStore } from './hospital-store';
import type { ServerStore } from './server-link';
import { lazyServer } from './lazy-server';
import { listenForVisitChanges } from './pg-change-feed';
import { isServerUnreachable } from './reachability';
import { maskUrlPassword } from '../../config/load-config';
import type { PrintRun } from '../print-owner';

export interface OpenHospitalStoreOptions {
  server: PostgresStoreOptions;
  /** The station's own SQLite file (store.file). */
  localFile: string;
  busyTimeoutMs?: number;
  /** Who owns the "printing" marks, on the server and in the local file (../print-owner.ts). */
  printRun?: PrintRun;
  logger: Logger;
  now?: () => Date;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Listen for other stations' changes (default true). */
  listen?: boolean;
}

export async function openHospitalStore(o: OpenHospitalStoreOptions): Promise<HospitalStore> {
  const log = o.logger.child({ svc: 'store' });
  const open = (): Promise<ServerStore> =>
    openPostgresStore({ ...o.server, logger: log, printRun: o.printRun });
  let server: ServerStore;
  try {
    server = await open();
  } catch (err) {
    if (!isServerUnreachable(err)) throw err;
    log.warn('hospital server unreachable at start: starting offline', {
      server: maskUrlPassword(o.server.url),
    });
    server = lazyServer(maskUrlPassword(o.server.url), open);
  }
  let local;
  try {
    local = openSqliteStore({
      file: o.localFile,
      busyTimeoutMs: o.busyTimeoutMs,
      logger: log,
      queueNumbers: 'offline',
      printRun: o.printRun,
    });
  } catch (err) {
    await server.close().catch(() => undefined);
    throw err;
  }
  return new HospitalStore({
    server,
    local,
    logger: o.logger,
    now: o.now,
    reconnectBaseMs: o.reconnectBaseMs,
    reconnectMaxMs: o.reconnectMaxMs,
    watchChanges:
      o.listen === false
        ? undefined
        : (onChange) =>
            listenForVisitChanges({
              url: o.server.url,
              tls: o.server.tls,
              onChange,
              logger: o.logger,
              connectTimeoutMs: o.server.connectTimeoutMs,
              applicationName: o.server.applicationName
                ? `${o.server.applicationName} (changes)`
                : undefined,
            }),
  });
}
