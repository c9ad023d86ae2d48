import type { PgMigration } from './pg-migration';

/**
 * The kiosk's functions (0006) again, for what a visit gained since (0008 arrivals: the BHYT card,
 * the document shown, the law's priority; 0009 the face check), and for the returning-patient
 * keys a kiosk asks and fills. Without them a kiosk's role, which may not touch the tables, would
 * check in without those columns or not at all.
 *
 * - kiosk_insert_visit_row: one visit as a JSON row, only the columns a kiosk's check-in fills
 *   (never who accepted a chip: acceptance is the desk's), under the same counter rule as 0006.
 * - kiosk_active_visit_of_card: the duplicate check of a person known by the card alone.
 * - kiosk_import_visit: its replacement of a lost-answer visit now carries the new columns.
 * - kiosk_find_patient / kiosk_remember_patient: one key at a time, as the tables' path does.
 *
 * Same hardening as 0006: SECURITY DEFINER with search_path fixed, EXECUTE taken from PUBLIC and
 * granted by `store migrate` (../pg-grants.ts).
 */
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, pg_temp';

/** What a kiosk's check-in writes (../pg-rows.ts NEW_VISIT_COLUMNS, as of this step, minus acceptance). */
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
];

/** The columns an offline visit arrives with, as of this step (../pg-offline-import.ts). */
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

export const pgMigration0010: PgMigration = {
  version: 10,
  name: 'kiosk-functions-new-columns',
  sql: `
    CREATE FUNCTION public.kiosk_insert_visit_row(p_row json, p_recheck_json text)
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

    CREATE FUNCTION public.kiosk_active_visit_of_card(p_day text, p_department text, p_card text)
      RETURNS SETOF public.visits LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT * FROM public.visits
        WHERE day = p_day AND department = p_department AND patient_card_number = p_card
          AND patient_id_number IS NULL AND status = 'active'
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

    CREATE FUNCTION public.kiosk_find_patient(p_key text)
      RETURNS TABLE (person_json text, seen_at text) LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT k.person_json, k.seen_at FROM public.patient_keys k WHERE k.key = p_key
      $$;

    CREATE FUNCTION public.kiosk_remember_patient(p_key text, p_json text, p_source text,
      p_seen_at text)
      RETURNS void LANGUAGE sql ${DEFINER} AS $$
        INSERT INTO public.patient_keys (key, person_json, source, seen_at)
        VALUES (p_key, p_json, p_source, p_seen_at)
        ON CONFLICT (key) DO UPDATE SET person_json = excluded.person_json,
          source = excluded.source, seen_at = excluded.seen_at
        WHERE excluded.seen_at >= public.patient_keys.seen_at
      $$;

    REVOKE ALL ON FUNCTION
      public.kiosk_insert_visit_row(json, text),
      public.kiosk_active_visit_of_card(text, text, text),
      public.kiosk_import_visit(json),
      public.kiosk_find_patient(text),
      public.kiosk_remember_patient(text, text, text, text)
    FROM PUBLIC;
  `,
};
