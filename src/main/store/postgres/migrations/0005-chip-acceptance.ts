import type { PgMigration } from './pg-migration';

/**
 * Who accepted a chip at the desk whose own checks did not make its data trusted (name and CCCD
 * number of the officer; the number is NULL when only the station was known), and when.
 */
export const pgMigration0005: PgMigration = {
  version: 5,
  name: 'chip-acceptance',
  sql: `
    ALTER TABLE visits ADD COLUMN chip_accepted_by_name TEXT;
    ALTER TABLE visits ADD COLUMN chip_accepted_by_id TEXT;
    ALTER TABLE visits ADD COLUMN chip_accepted_at TEXT COLLATE "C";
  `,
};
