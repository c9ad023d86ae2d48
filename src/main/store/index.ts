/** Offline store (issue: store and check-in): visits, queue numbers, cache, re-checks, privacy. */
export type * from './store-contract';
export { openStore, storeFile } from './open-store';
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations';
export { migrate, schemaVersionOf } from './migrate';
export { storeErrors, toStoreError } from './store-errors';
export { formatQueueNumber, LANE_LETTERS } from '../domain/queue-number';
export { visitsToCsv, csvField, type CsvOptions } from './csv-export';
