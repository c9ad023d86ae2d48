import type { PgMigration } from './pg-migration';

/**
 * Calling patients in, the HIS hand-off and failed-lookup evidence on the hospital's server, as
 * SQLite migrations 0004/0005 keep them on a station: every change of a visit's progress with
 * its room and time (`visit_progress_events`), one HIS delivery row per visit (`his_outbox`),
 * and the evidence of insurance lookups that failed at check-in (`lookup_evidence`).
 *
 * The visits' progress columns and the indexes call-next reads come with 0001. Times are ISO
 * text, as on SQLite, compared and ordered as text: those columns use the "C" collation (byte
 * order, whatever the cluster's locale), like 0001's.
 */
export const pgMigration0003: PgMigration = {
  version: 3,
  name: 'calling-his-evidence',
  sql: `
    CREATE TABLE visit_progress_events (
      id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      visit_id   TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
      day        TEXT COLLATE "C" NOT NULL,
      state      TEXT NOT NULL,
      action     TEXT NOT NULL,
      room       TEXT COLLATE "C" NOT NULL,
      station_id TEXT NOT NULL,
      at         TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX visit_progress_events_by_day ON visit_progress_events (day, id);
    -- Deleting a visit cascades here; without this index each delete scans the table.
    CREATE INDEX visit_progress_events_by_visit ON visit_progress_events (visit_id);

    CREATE TABLE his_outbox (
      visit_id        TEXT PRIMARY KEY REFERENCES visits (id) ON DELETE CASCADE,
      state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'refused')),
      bundle_hash     TEXT NOT NULL,
      sent_hash       TEXT,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT COLLATE "C" NOT NULL,
      last_status     INTEGER,
      last_error      TEXT,
      appointment_id  TEXT,
      updated_at      TEXT COLLATE "C" NOT NULL,
      sent_at         TEXT COLLATE "C"
    );
    CREATE INDEX his_outbox_due ON his_outbox (state, next_attempt_at);

    CREATE TABLE lookup_evidence (
      id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      visit_id        TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
      asked_at        TEXT COLLATE "C" NOT NULL,
      query_json      TEXT NOT NULL,
      endpoint        TEXT NOT NULL,
      failure         TEXT NOT NULL,
      http_status     INTEGER,
      error_code      TEXT,
      duration_ms     INTEGER NOT NULL,
      recheck_at      TEXT COLLATE "C",
      recheck_code    TEXT,
      recheck_outcome TEXT
    );
    CREATE INDEX lookup_evidence_by_time ON lookup_evidence (asked_at);
    CREATE INDEX lookup_evidence_by_visit ON lookup_evidence (visit_id);
  `,
};
