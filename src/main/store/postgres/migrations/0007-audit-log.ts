import type { PgMigration } from './pg-migration';

/**
 * The audit trail of staff actions (issue 22), append-only for every role: row triggers refuse
 * UPDATE and DELETE, a statement trigger refuses TRUNCATE. Same columns as SQLite's 0009.
 */
export const pgMigration0007: PgMigration = {
  version: 7,
  name: 'audit-log',
  sql: `
    CREATE TABLE audit_log (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  `,
};
