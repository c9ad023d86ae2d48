import type { Migration } from './migration';

/**
 * Visits and their per-day queue counters, and the identity cache.
 * A person has at most one active visit per department and day (the partial unique index), so a
 * second check-in can only ever find the first one, even with two processes writing.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'visits-and-queue-counters',
  up(db) {
    db.exec(`
      CREATE TABLE queue_counters (
        day        TEXT NOT NULL,
        station_id TEXT NOT NULL,
        department TEXT NOT NULL,
        lane       TEXT NOT NULL,
        last_seq   INTEGER NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (day, station_id, department, lane)
      ) WITHOUT ROWID;

      CREATE TABLE visits (
        id                TEXT PRIMARY KEY,
        day               TEXT NOT NULL,
        station_id        TEXT NOT NULL,
        department        TEXT NOT NULL,
        lane              TEXT NOT NULL,
        queue_seq         INTEGER NOT NULL CHECK (queue_seq > 0),
        queue_number      TEXT NOT NULL,
        patient_id_number TEXT,
        patient_name      TEXT,
        patient_dob       TEXT,
        patient_sex       TEXT,
        identity_source   TEXT NOT NULL,
        insurance_json    TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        cancelled_reason  TEXT,
        UNIQUE (day, station_id, department, lane, queue_seq),
        FOREIGN KEY (day, station_id, department, lane)
          REFERENCES queue_counters (day, station_id, department, lane)
      );

      CREATE UNIQUE INDEX visits_one_active_per_person
        ON visits (day, department, patient_id_number)
        WHERE status = 'active' AND patient_id_number IS NOT NULL;
      CREATE INDEX visits_by_day ON visits (day, created_at);

      CREATE TABLE identity_cache (
        id_number     TEXT PRIMARY KEY,
        identity_json TEXT NOT NULL,
        read_at       TEXT NOT NULL
      );
    `);
  },
};
