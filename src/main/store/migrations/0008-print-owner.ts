import type { Migration } from './migration';

/**
 * Who owns a print while it is "printing" (station id and process run, see ../print-owner.ts),
 * so that a process starting up fails only the prints of a run that is gone, not those the CLI
 * or another station is printing right now.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'print-owner',
  up(db) {
    db.exec(`
      ALTER TABLE visits ADD COLUMN print_station TEXT;
      ALTER TABLE visits ADD COLUMN print_run TEXT;
    `);
  },
};
