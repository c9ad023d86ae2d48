import type { PgMigration } from './pg-migration';

/**
 * A child's parent or guardian named on the BHYT card QR, kept on the visit (SQLite's 0014) so
 * that a reprint of the slip shows it. A kiosk's role writes visits only through its functions,
 * so the two that list a visit's columns are replaced with the column added (same names, same
 * arguments: the grants of `store migrate` (../pg-grants.ts) and the REVOKE from PUBLIC stay):
 *
 * - kiosk_insert_visit_row: 0010's, with guardian_name among the columns a kiosk's check-in fills.
 * - kiosk_import_visit: 0010's; the insert of an offline visit already takes every column, the
 *   replacement of a lost-answer visit now sets the guardian too.
 */
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, pg_temp';

/** What a kiosk's check-in writes, as of this step (0010's list and the guardian). */
const KIOSK_VISIT_COLUMNS = [
  'id',
  'day',
  'station_id',
  'department',
  'lane',
  'queue_seq',
  'queue_number',
  'patient_id_number',
  'patient_name',
  'patient_dob',
  'patient_sex',
  'identity_source',
  'passive_auth',
  'chip_auth',
  'chip_auth_method',
  'insurance_json',
  'created_at',
  'patient_card_number',
  'document',
  'priority_json',
  'face_decision',
  'face_score',
  'face_threshold',
  'face_liveness',
  'face_model',
  'guardian_name',
];

/** The columns an offline visit's replacement sets, as of this step (../pg-offline-import.ts). */
const OFFLINE_COLUMNS = [
  ...KIOSK_VISIT_COLUMNS.filter((c) => c !== 'id'),
  'chip_accepted_by_staff',
  'chip_accepted_by_name',
  'chip_accepted_by_id',
  'chip_accepted_at',
  'status',
  'cancelled_reason',
  'flagged',
  'print_status',
  'print_error_json',
  'printed_at',
  'print_station',
  'print_run',
  'progress',
  'progress_room',
  'progress_at',
  'call_count',
  'first_called_at',
  'called_room',
  'offline',
];

export const pgMigration0013: PgMigration = {
  version: 13,
  name: 'visit-guardian',
  sql: `
    ALTER TABLE public.visits ADD COLUMN guardian_name text;

    CREATE OR REPLACE FUNCTION public.kiosk_insert_visit_row(p_row json, p_recheck_json text)
      RETURNS SETOF public.visits LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE
        r public.visits;
      BEGIN
        r := json_populate_record(NULL::public.visits, p_row);
        -- Only a number the counter has given: a kiosk cannot take one ahead of the queue.
        IF NOT EXISTS (
          SELECT 1 FROM public.queue_counters
          WHERE day = r.day AND department = r.department AND lane = r.lane
            AND last_seq >= r.queue_seq
        ) THEN
          RAISE EXCEPTION 'queue number % not given by the counter', r.queue_number
            USING ERRCODE = 'check_violation';
        END IF;
        INSERT INTO public.visits (${KIOSK_VISIT_COLUMNS.join(', ')}, chip_accepted_by_staff)
        VALUES (${KIOSK_VISIT_COLUMNS.map((c) => `r.${c}`).join(', ')}, false);
        IF p_recheck_json IS NOT NULL THEN
          INSERT INTO public.outbox (visit_id, query_json, next_attempt_at, created_at)
          VALUES (r.id, p_recheck_json, r.created_at, r.created_at);
        END IF;
        RETURN QUERY SELECT * FROM public.visits WHERE id = r.id;
      END
      $$;

    CREATE OR REPLACE FUNCTION public.kiosk_import_visit(p_visit json)
      RETURNS text LANGUAGE plpgsql ${DEFINER} AS $$
      DECLARE
        r public.visits;
      BEGIN
        r := json_populate_record(NULL::public.visits, p_visit);
        IF r.offline IS DISTINCT FROM true THEN
          RAISE EXCEPTION 'only offline visits are imported' USING ERRCODE = 'check_violation';
        END IF;
        INSERT INTO public.visits SELECT r.* ON CONFLICT (id) DO NOTHING;
        IF FOUND THEN
          RETURN 'imported';
        END IF;
        PERFORM 1 FROM public.visits v
          WHERE v.id = r.id AND v.station_id = r.station_id AND NOT v.offline FOR UPDATE;
        IF NOT FOUND THEN
          RETURN 'already';
        END IF;
        DELETE FROM public.outbox WHERE visit_id = r.id;
        UPDATE public.visits v SET (${OFFLINE_COLUMNS.join(', ')})
          = (${OFFLINE_COLUMNS.map((c) => `r.${c}`).join(', ')})
        WHERE v.id = r.id;
        RETURN 'replaced';
      END
      $$;
  `,
};
