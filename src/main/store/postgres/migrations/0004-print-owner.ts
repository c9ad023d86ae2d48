import type { PgMigration } from './pg-migration';

/**
 * Who owns a print while it is "printing" (station id and process run, see ../../print-owner.ts):
 * many stations share this server, so a station starting up fails only its own prints whose run
 * is gone, never another station's print that is coming out right now.
 */
export const pgMigration0004: PgMigration = {
  version: 4,
  name: 'print-owner',
  sql: `
    ALTER TABLE visits ADD COLUMN print_station TEXT;
    ALTER TABLE visits ADD COLUMN print_run TEXT;
  `,
};
