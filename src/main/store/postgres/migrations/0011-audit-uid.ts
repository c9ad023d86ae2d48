import type { PgMigration } from './pg-migration';

/**
 * Each audit entry's uid (SQLite's 0013), by which a station's entries recorded while the server
 * was away are taken once (`ON CONFLICT (uid) DO NOTHING`), however often the upload is repeated.
 * The volatile default fills the rows already here with one uid each while the table is
 * rewritten (no UPDATE, so the append-only triggers stay as they are), and is then dropped: every
 * new entry brings its own.
 */
export const pgMigration0011: PgMigration = {
  version: 11,
  name: 'audit-uid',
  sql: `
    ALTER TABLE audit_log ADD COLUMN uid TEXT NOT NULL DEFAULT gen_random_uuid()::text;
    ALTER TABLE audit_log ALTER COLUMN uid DROP DEFAULT;
    ALTER TABLE audit_log ADD CONSTRAINT audit_log_uid UNIQUE (uid);
  `,
};
