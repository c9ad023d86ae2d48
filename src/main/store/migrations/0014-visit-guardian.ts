import type { Migration } from './migration';

/**
 * A child's parent or guardian named on the BHYT card QR, kept on the visit (issue 21): the slip
 * printed at check-in showed it, but a reprint (the desk, a jammed printer) read the visit back
 * without it. Purged with the rest of the person's data.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'visit-guardian',
  up(db) {
    db.exec(`ALTER TABLE visits ADD COLUMN guardian_name TEXT;`);
  },
};
