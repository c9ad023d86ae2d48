import type { PgMigration } from './pg-migration';

/**
 * PLACEHOLDER, not for release: PostgreSQL step 12 belongs to another branch being written at the
 * same time; this one only keeps the numbering without a gap on the guardian branch so that its
 * step 13 runs. The integrator drops this file when merging the real step 12.
 */
export const pgMigration0012: PgMigration = {
  version: 12,
  name: 'placeholder-other-branch',
  sql: `SELECT 1;`,
};
