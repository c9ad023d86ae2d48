import type { PgMigration } from './pg-migration';

/** Every patient who walks in (issue 21): see ../../migrations/0011-arrivals.ts, the same step. */
export const pgMigration0008: PgMigration = {
  version: 8,
  name: 'arrivals',
  sql: `
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
  `,
};
