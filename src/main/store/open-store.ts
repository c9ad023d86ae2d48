/**
 * The store as configured: `<dataDir>/<store.file>` (SQLite). The app, the CLI and `doctor` open
 * it through here.
 */
import type { KioskConfig } from '../config/schema';
import { inDataDir } from '../config/load-config';
import type { Logger } from '../logging/logger';
import { openSqliteStore, type SqliteStore } from './sqlite/sqlite-store';

export function storeFile(dataDir: string, config: KioskConfig): string {
  return inDataDir(dataDir, config.store.file);
}

export function openStore(o: {
  dataDir: string;
  config: KioskConfig;
  logger: Logger;
}): SqliteStore {
  return openSqliteStore({
    file: storeFile(o.dataDir, o.config),
    busyTimeoutMs: o.config.store.busyTimeoutMs,
    logger: o.logger.child({ svc: 'store' }),
  });
}
