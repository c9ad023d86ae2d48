import type { PgMigration } from './pg-migration';

/**
 * SQLite's 0015: the insurance lookups to repeat leave the table named `outbox` (0001), a name
 * the HIS hand-off's real outbox (`his_outbox`) shares, for `recheck_queue`, with its indexes,
 * constraints and identity sequence renamed alike. Rows and ids stay.
 *
 * The kiosk's functions that write or clear re-checks (kiosk_insert_visit_row and
 * kiosk_import_visit of 0010, and 0006's kiosk_insert_visit, which nobody is granted any more)
 * name the table in their body, which PostgreSQL keeps as text and resolves at each call: each
 * function of the schema whose body names `public.outbox` is made again from its own definition
 * (pg_get_functiondef) with the new name. CREATE OR REPLACE keeps its owner, its SECURITY DEFINER
 * and fixed search_path, and the EXECUTE rights `store migrate` gave (../pg-grants.ts).
 */
export const pgMigration0014: PgMigration = {
  version: 14,
  name: 'recheck-queue',
  sql: `
    ALTER TABLE outbox RENAME TO recheck_queue;
    ALTER INDEX outbox_pkey RENAME TO recheck_queue_pkey;
    ALTER INDEX outbox_due RENAME TO recheck_queue_due;
    ALTER INDEX outbox_by_visit RENAME TO recheck_queue_by_visit;
    ALTER TABLE recheck_queue RENAME CONSTRAINT outbox_visit_id_fkey TO recheck_queue_visit_id_fkey;
    ALTER SEQUENCE outbox_id_seq RENAME TO recheck_queue_id_seq;

    DO $$
    DECLARE
      f oid;
    BEGIN
      FOR f IN
        SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosrc ~ 'public\\.outbox\\M'
      LOOP
        EXECUTE regexp_replace(pg_get_functiondef(f), 'public\\.outbox\\M', 'public.recheck_queue', 'g');
      END LOOP;
    END
    $$;
  `,
};
