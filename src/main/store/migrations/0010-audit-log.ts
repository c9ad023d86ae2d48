import type { Migration } from './migration';

/**
 * The audit trail of staff actions (issue 22), append-only: triggers refuse every UPDATE and
 * DELETE, so the privacy purge, a bug or a hand-run statement cannot rewrite it. It names
 * visits by id only (no patient data) and officers by name and ID number.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        action TEXT NOT NULL,
        officer_name TEXT,
        officer_id_number TEXT,
        station_id TEXT NOT NULL,
        visit_id TEXT,
        reason TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_day ON audit_log (day, at);
      CREATE INDEX audit_log_visit ON audit_log (visit_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
