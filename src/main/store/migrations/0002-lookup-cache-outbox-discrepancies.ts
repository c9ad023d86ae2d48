import type { Migration } from './migration';

/**
 * The offline side of insurance: the last lookup result per person, the outbox of lookups to
 * repeat, the discrepancies found when they disagree, and the visit's flag for staff.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'lookup-cache-outbox-discrepancies',
  up(db) {
    db.exec(`
      CREATE TABLE lookup_cache (
        id_number   TEXT PRIMARY KEY,
        result_json TEXT NOT NULL,
        fetched_at  TEXT NOT NULL
      );

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        visit_id        TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        query_json      TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT,
        created_at      TEXT NOT NULL
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at);
      CREATE INDEX outbox_by_visit ON outbox (visit_id);

      CREATE TABLE discrepancies (
        id           TEXT PRIMARY KEY,
        visit_id     TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        used_json    TEXT NOT NULL,
        recheck_json TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        resolved_at  TEXT
      );
      CREATE INDEX discrepancies_by_visit ON discrepancies (visit_id);

      ALTER TABLE visits ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
