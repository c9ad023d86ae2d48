import type { Migration } from './migration';

/**
 * Every patient who walks in (issue 21): what they showed (`document`), the lane the law gave
 * them and why (`priority_json`), and the BHYT card of a person with no CCCD (a child), which
 * keeps such a person to one active visit per department and day as the ID number does.
 * `patient_keys` finds a returning patient by CCCD, BHYT code or social-insurance number; it is
 * filled only from a verified chip or a lookup the insurance service confirmed, never from a QR
 * or a typed number alone.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'arrivals',
  up(db) {
    db.exec(`
      ALTER TABLE visits ADD COLUMN patient_card_number TEXT;
      ALTER TABLE visits ADD COLUMN document TEXT;
      ALTER TABLE visits ADD COLUMN priority_json TEXT;
      CREATE UNIQUE INDEX visits_one_active_per_card
        ON visits (day, department, patient_card_number)
        WHERE status = 'active' AND patient_id_number IS NULL AND patient_card_number IS NOT NULL;

      CREATE TABLE patient_keys (
        key         TEXT PRIMARY KEY,
        person_json TEXT NOT NULL,
        source      TEXT NOT NULL,
        seen_at     TEXT NOT NULL
      );
      CREATE INDEX patient_keys_by_age ON patient_keys (seen_at);
    `);
  },
};
