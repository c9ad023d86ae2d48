import type { Migration } from './migration';

/**
 * Visits a station checked in on its own file while the hospital's PostgreSQL server could not be
 * reached (engine "postgres"): `offline` marks them, `uploaded_at` says when the server committed
 * the upload (NULL: still waiting). Their numbers (`K02-KHAM-O-003`) come from
 * `offline_counters`, one per day, station and department, so they never collide with the
 * server's shared numbers nor with another station's. A SQLite-only station never uses either.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'offline-visits',
  up(db) {
    db.exec(`
      CREATE TABLE offline_counters (
        day        TEXT NOT NULL,
        station_id TEXT NOT NULL,
        department TEXT NOT NULL,
        last_seq   INTEGER NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (day, station_id, department)
      ) WITHOUT ROWID;

      ALTER TABLE visits ADD COLUMN offline INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE visits ADD COLUMN uploaded_at TEXT;
      CREATE INDEX visits_waiting_upload ON visits (created_at)
        WHERE offline = 1 AND uploaded_at IS NULL;
    `);
  },
};
