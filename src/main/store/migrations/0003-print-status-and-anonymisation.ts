import type { Migration } from './migration';

/** The slip's print state per visit, and when the visit's personal data was purged. */
export const migration0003: Migration = {
  version: 3,
  name: 'print-status-and-anonymisation',
  up(db) {
    db.exec(`
      ALTER TABLE visits ADD COLUMN print_status TEXT NOT NULL DEFAULT 'not-printed'
        CHECK (print_status IN ('not-printed', 'printing', 'printed', 'failed'));
      ALTER TABLE visits ADD COLUMN print_error_json TEXT;
      ALTER TABLE visits ADD COLUMN printed_at TEXT;
      ALTER TABLE visits ADD COLUMN anonymised_at TEXT;
      CREATE INDEX visits_to_anonymise ON visits (day) WHERE anonymised_at IS NULL;
    `);
  },
};
