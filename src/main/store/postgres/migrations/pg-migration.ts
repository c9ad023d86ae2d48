/**
 * One schema step of the PostgreSQL store: plain SQL run inside the migration transaction (it
 * must not BEGIN/COMMIT nor touch `schema_version`; the runner does).
 */
export interface PgMigration {
  /** 1, 2, 3, ... in order, no gaps: the `schema_version` after this step. */
  version: number;
  /** What the step does, as in the file name. */
  name: string;
  sql: string;
}
