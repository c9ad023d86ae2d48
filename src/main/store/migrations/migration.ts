import type Database from 'better-sqlite3';

/**
 * One schema step. `up` runs inside the migration transaction; it must not change
 * `user_version` itself (the runner does) nor open its own transaction.
 */
export interface Migration {
  /** 1, 2, 3, ... in order, no gaps: the database's `user_version` after this step. */
  version: number;
  /** What the step does, as in the file name. */
  name: string;
  up(db: Database.Database): void;
}
