import type { Migration } from './migration';

/**
 * Who accepted a chip at the desk whose own checks did not make its data trusted (name and CCCD
 * number of the officer; the number is NULL when only the station was known), and when. NULL on
 * visits whose chip was trusted by its checks, on typed visits and on visits older than this.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'chip-acceptance',
  up(db) {
    db.exec(`
      ALTER TABLE visits ADD COLUMN chip_accepted_by_name TEXT;
      ALTER TABLE visits ADD COLUMN chip_accepted_by_id TEXT;
      ALTER TABLE visits ADD COLUMN chip_accepted_at TEXT;
    `);
  },
};
