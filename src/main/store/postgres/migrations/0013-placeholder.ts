import type { PgMigration } from './pg-migration';

/**
 * PLACEHOLDER on branch i24-rename only: PostgreSQL step 13 belongs to another branch, and the
 * runner refuses a gap before this branch's step 14. Drop this file (and its line in ./index.ts)
 * when merging; the other branch's real step 13 takes its place.
 */
export const pgMigration0013: PgMigration = {
  version: 13,
  name: 'placeholder',
  sql: 'SELECT 1',
};
