import type { Migration } from './migration';

/**
 * The hand-off to the hospital's HIS: one row per visit saying which state of the visit the HIS
 * has (`sent_hash`) and which it should get (`bundle_hash`), with the retry schedule and what a
 * refusal said. And the evidence of insurance lookups that failed at check-in (QĐ 2555/QĐ-BYT),
 * with the later re-check's answer.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'his-outbox-and-lookup-evidence',
  up(db) {
    db.exec(`
      CREATE TABLE his_outbox (
        visit_id        TEXT PRIMARY KEY REFERENCES visits (id) ON DELETE CASCADE,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'refused')),
        bundle_hash     TEXT NOT NULL,
        sent_hash       TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_status     INTEGER,
        last_error      TEXT,
        appointment_id  TEXT,
        updated_at      TEXT NOT NULL,
        sent_at         TEXT
      );
      CREATE INDEX his_outbox_due ON his_outbox (state, next_attempt_at);

      CREATE TABLE lookup_evidence (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        visit_id        TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        asked_at        TEXT NOT NULL,
        query_json      TEXT NOT NULL,
        endpoint        TEXT NOT NULL,
        failure         TEXT NOT NULL,
        http_status     INTEGER,
        error_code      TEXT,
        duration_ms     INTEGER NOT NULL,
        recheck_at      TEXT,
        recheck_code    TEXT,
        recheck_outcome TEXT
      );
      CREATE INDEX lookup_evidence_by_time ON lookup_evidence (asked_at);
      CREATE INDEX lookup_evidence_by_visit ON lookup_evidence (visit_id);
    `);
  },
};
