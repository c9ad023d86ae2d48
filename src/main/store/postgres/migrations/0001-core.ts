import type { PgMigration } from './pg-migration';

/**
 * The hospital's shared store: the visits of every station (every column SQLite migrations
 * 0001–0006 give a station's visits), one queue counter per day, department and lane (no station:
 * the numbers are the hospital's), the identity and lookup caches, the outbox of lookups to repeat
 * and the discrepancies found.
 *
 * - One active visit per person, department and day across all stations (partial unique index),
 *   and one visit per queue number and day: a race between two stations cannot create either twice.
 * - Times and days are ISO text as on SQLite (the same strings in and out) and compared as text,
 *   so text columns that are compared or ordered use the "C" collation: byte order, whatever the
 *   cluster's locale (a Vietnamese or English collation may ignore the punctuation of a time).
 * - JSON stays text (the same strings as on SQLite, one row mapping for both engines).
 */
export const pgMigration0001: PgMigration = {
  version: 1,
  name: 'core',
  sql: `
    CREATE TABLE queue_counters (
      day        TEXT COLLATE "C" NOT NULL,
      department TEXT COLLATE "C" NOT NULL,
      lane       TEXT COLLATE "C" NOT NULL,
      last_seq   INTEGER NOT NULL CHECK (last_seq > 0),
      PRIMARY KEY (day, department, lane)
    );

    CREATE TABLE visits (
      id                     TEXT PRIMARY KEY,
      day                    TEXT COLLATE "C" NOT NULL,
      station_id             TEXT COLLATE "C" NOT NULL,
      department             TEXT COLLATE "C" NOT NULL,
      lane                   TEXT COLLATE "C" NOT NULL,
      queue_seq              INTEGER NOT NULL CHECK (queue_seq > 0),
      queue_number           TEXT COLLATE "C" NOT NULL,
      patient_id_number      TEXT COLLATE "C",
      patient_name           TEXT,
      patient_dob            TEXT,
      patient_sex            TEXT,
      identity_source        TEXT NOT NULL,
      insurance_json         TEXT NOT NULL,
      created_at             TEXT COLLATE "C" NOT NULL,
      status                 TEXT NOT NULL DEFAULT 'active'
                               CHECK (status IN ('active', 'cancelled')),
      cancelled_reason       TEXT,
      flagged                BOOLEAN NOT NULL DEFAULT false,
      print_status           TEXT NOT NULL DEFAULT 'not-printed'
                               CHECK (print_status IN ('not-printed', 'printing', 'printed', 'failed')),
      print_error_json       TEXT,
      printed_at             TEXT COLLATE "C",
      anonymised_at          TEXT COLLATE "C",
      progress               TEXT NOT NULL DEFAULT 'waiting'
                               CHECK (progress IN ('waiting', 'called', 'in-room', 'done', 'skipped')),
      progress_room          TEXT,
      progress_at            TEXT COLLATE "C",
      call_count             INTEGER NOT NULL DEFAULT 0,
      first_called_at        TEXT COLLATE "C",
      called_room            TEXT COLLATE "C",
      passive_auth           TEXT CHECK (passive_auth IN ('valid', 'invalid', 'unverified')),
      chip_auth              TEXT CHECK (chip_auth IN ('genuine', 'failed', 'not-offered')),
      chip_auth_method       TEXT CHECK (chip_auth_method IN ('CA', 'AA')),
      chip_accepted_by_staff BOOLEAN NOT NULL DEFAULT false,
      UNIQUE (day, queue_number)
    );
    CREATE UNIQUE INDEX visits_one_active_per_person
      ON visits (day, department, patient_id_number)
      WHERE status = 'active' AND patient_id_number IS NOT NULL;
    CREATE INDEX visits_by_day ON visits (day, created_at);
    CREATE INDEX visits_to_anonymise ON visits (day) WHERE anonymised_at IS NULL;
    CREATE INDEX IF NOT EXISTS visits_waiting ON visits (day, department, progress)
      WHERE status = 'active';
    CREATE INDEX IF NOT EXISTS visits_called_by_room ON visits (day, called_room, first_called_at)
      WHERE called_room IS NOT NULL;

    CREATE TABLE identity_cache (
      id_number     TEXT PRIMARY KEY,
      identity_json TEXT NOT NULL,
      read_at       TEXT COLLATE "C" NOT NULL
    );

    CREATE TABLE lookup_cache (
      id_number   TEXT PRIMARY KEY,
      result_json TEXT NOT NULL,
      fetched_at  TEXT COLLATE "C" NOT NULL
    );

    CREATE TABLE outbox (
      id              INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      visit_id        TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
      query_json      TEXT NOT NULL,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT COLLATE "C" NOT NULL,
      last_error      TEXT,
      created_at      TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX outbox_due ON outbox (next_attempt_at);
    CREATE INDEX outbox_by_visit ON outbox (visit_id);

    CREATE TABLE discrepancies (
      id           TEXT PRIMARY KEY,
      visit_id     TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
      used_json    TEXT NOT NULL,
      recheck_json TEXT NOT NULL,
      created_at   TEXT COLLATE "C" NOT NULL,
      resolved_at  TEXT COLLATE "C"
    );
    CREATE INDEX discrepancies_by_visit ON discrepancies (visit_id);
  `,
};
