import type { Migration } from './migration';

/**
 * The insurance lookups to repeat were kept in a table named `outbox` (step 2), a name the HIS
 * hand-off's real outbox (`his_outbox`, step 5) shares: the table becomes `recheck_queue`, as the
 * code calls it. ALTER TABLE … RENAME keeps every row, its id and the AUTOINCREMENT counter
 * (sqlite_sequence follows the rename); SQLite cannot rename an index, so the two indexes are
 * made again under the new name.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'recheck-queue',
  up(db) {
    db.exec(`
      ALTER TABLE outbox RENAME TO recheck_queue;
      DROP INDEX outbox_due;
      DROP INDEX outbox_by_visit;
      CREATE INDEX recheck_queue_due ON recheck_queue (next_attempt_at);
      CREATE INDEX recheck_queue_by_visit ON recheck_queue (visit_id);
    `);
  },
};
