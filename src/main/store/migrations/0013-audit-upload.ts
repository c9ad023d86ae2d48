import { randomUUID } from 'node:crypto';
import type { Migration } from './migration';

const COLUMNS =
  'id, at, day, action, officer_name, officer_id_number, station_id, visit_id, reason, detail';

/**
 * Audit entries go up to the hospital's server (src/main/store/hospital/offline-upload.ts): each
 * gets a uid, given when the action is recorded, by which the server takes it once. The table is
 * rebuilt to hold the uid NOT NULL UNIQUE (SQLite cannot add such a column), keeping every row
 * and its id; rows written before this step get a fresh uid each, so that entries recorded while
 * the server was away before this version go up too. The append-only triggers come back as
 * they were. Which entries the server has is kept apart, in audit_uploaded, because the trail
 * itself refuses UPDATE.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'audit-upload',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
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
    `);
    const copy = db.prepare(
      `INSERT INTO audit_log_new (uid, ${COLUMNS}) SELECT ?, ${COLUMNS} FROM audit_log WHERE id = ?`,
    );
    const ids = db.prepare<[], { id: number }>('SELECT id FROM audit_log ORDER BY id').all();
    for (const { id } of ids) copy.run(randomUUID(), id);
    // DROP TABLE removes the table's triggers first; its rows go without firing them.
    db.exec(`
      DROP TABLE audit_log;
      ALTER TABLE audit_log_new RENAME TO audit_log;
      CREATE INDEX audit_log_day ON audit_log (day, at);
      CREATE INDEX audit_log_visit ON audit_log (visit_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TABLE audit_uploaded (
        uid TEXT PRIMARY KEY,
        uploaded_at TEXT NOT NULL
      );
    `);
  },
};
