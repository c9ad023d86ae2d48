import type { Migration } from './migration';

/**
 * How the chip of a visit's card was verified: passive authentication (the data was signed)
 * and chip authentication (the chip is not a copy), and whether staff accepted a chip that was
 * not verified. NULL for visits made from typed data (and for visits older than this step).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'chip-verification',
  up(db) {
    db.exec(`
      ALTER TABLE visits ADD COLUMN passive_auth TEXT
        CHECK (passive_auth IN ('valid', 'invalid', 'unverified'));
      ALTER TABLE visits ADD COLUMN chip_auth TEXT
        CHECK (chip_auth IN ('genuine', 'failed', 'not-offered'));
      ALTER TABLE visits ADD COLUMN chip_auth_method TEXT CHECK (chip_auth_method IN ('CA', 'AA'));
      ALTER TABLE visits ADD COLUMN chip_accepted_by_staff INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
