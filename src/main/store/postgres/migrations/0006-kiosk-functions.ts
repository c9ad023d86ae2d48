import type { PgMigration } from './pg-migration';

/**
 * What a public kiosk may do on the hospital's server, as narrow functions: a kiosk's role has no
 * SELECT on `visits` (nor on the caches), so that a person at the kiosk's keyboard, or a process
 * on it, cannot read the hospital's patients with `psql`. Each function runs as the owner
 * (SECURITY DEFINER) and does one step of a kiosk's check-in, for one person or one visit:
 *
 * - the duplicate check and the person's visits today, by day and 12-digit ID (what the kiosk
 *   already has in hand from the card);
 * - the next queue number and the insert of the visit (with its re-check), each returning only
 *   that visit; the kiosk's own transaction holds them together, as on the owner's path;
 * - the print marks of a visit, and this station's interrupted prints;
 * - the identity and lookup caches, one ID at a time, and the HIS booking link of a visit.
 *
 * Every name inside is schema-qualified and `search_path` is fixed to pg_catalog then pg_temp,
 * so no object a caller creates can stand in for one of ours. EXECUTE is taken from PUBLIC: only
 * the roles `store migrate` grants it to (../pg-grants.ts) may call them.
 */
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, pg_temp';

/** The columns an offline visit arrives with (as ../pg-offline-import.ts writes them today). */
const OFFLINE_COLUMNS = [
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
  'chip_accepted_by_staff',
  'insurance_json',
  'created_at',
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

export const pgMigration0006: PgMigration = {
  version: 6,
  name: 'kiosk-functions',
  sql: `
    CREATE FUNCTION public.kiosk_active_visit(p_day text, p_department text, p_id_number text)
      RETURNS SETOF public.visits LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT * FROM public.visits
        WHERE day = p_day AND department = p_department AND patient_id_number = p_id_number
          AND status = 'active'
      $$;

    CREATE FUNCTION public.kiosk_visits_of_person(p_day text, p_id_number text)
      RETURNS SETOF public.visits LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT * FROM public.visits
        WHERE day = p_day AND patient_id_number = p_id_number AND status = 'active'
        ORDER BY created_at
      $$;

    -- The counter row stays locked until the caller's transaction ends (as on the owner's path).
    CREATE FUNCTION public.kiosk_next_queue_seq(p_day text, p_department text, p_lane text)
      RETURNS integer LANGUAGE sql ${DEFINER} AS $$
        INSERT INTO public.queue_counters (day, department, lane, last_seq)
        VALUES (p_day, p_department, p_lane, 1)
        ON CONFLICT (day, department, lane)
          DO UPDATE SET last_seq = public.queue_counters.last_seq + 1
        RETURNING last_seq
      $$;

    CREATE FUNCTION public.kiosk_insert_visit(
      p_id text, p_day text, p_station_id text, p_department text, p_lane text,
      p_queue_seq integer, p_queue_number text, p_patient_id_number text, p_patient_name text,
      p_patient_dob text, p_patient_sex text, p_identity_source text, p_passive_auth text,
      p_chip_auth text, p_chip_auth_method text, p_chip_accepted_by_staff boolean,
      p_insurance_json text, p_created_at text, p_recheck_json text)
      RETURNS SETOF public.visits LANGUAGE plpgsql ${DEFINER} AS $$
      BEGIN
        -- Only a number the counter has given: a kiosk cannot take one ahead of the queue.
        IF NOT EXISTS (
          SELECT 1 FROM public.queue_counters
          WHERE day = p_day AND department = p_department AND lane = p_lane
            AND last_seq >= p_queue_seq
        ) THEN
          RAISE EXCEPTION 'queue number % not given by the counter', p_queue_number
            USING ERRCODE = 'check_violation';
        END IF;
        INSERT INTO public.visits (id, day, station_id, department, lane, queue_seq,
          queue_number, patient_id_number, patient_name, patient_dob, patient_sex,
          identity_source, passive_auth, chip_auth, chip_auth_method, chip_accepted_by_staff,
          insurance_json, created_at)
        VALUES (p_id, p_day, p_station_id, p_department, p_lane, p_queue_seq, p_queue_number,
          p_patient_id_number, p_patient_name, p_patient_dob, p_patient_sex, p_identity_source,
          p_passive_auth, p_chip_auth, p_chip_auth_method, p_chip_accepted_by_staff,
          p_insurance_json, p_created_at);
        IF p_recheck_json IS NOT NULL THEN
          INSERT INTO public.outbox (visit_id, query_json, next_attempt_at, created_at)
          VALUES (p_id, p_recheck_json, p_created_at, p_created_at);
        END IF;
        RETURN QUERY SELECT * FROM public.visits WHERE id = p_id;
      END
      $$;

    CREATE FUNCTION public.kiosk_record_print(p_id text, p_status text, p_error_json text,
      p_printed_at text, p_station text, p_run text)
      RETURNS SETOF public.visits LANGUAGE sql ${DEFINER} AS $$
        UPDATE public.visits SET print_status = p_status, print_error_json = p_error_json,
          printed_at = COALESCE(p_printed_at, printed_at),
          print_station = COALESCE(p_station, print_station),
          print_run = COALESCE(p_run, print_run)
        WHERE id = p_id
        RETURNING *
      $$;

    -- This station's prints still "printing" (and those recorded before owners were).
    CREATE FUNCTION public.kiosk_printing(p_station text)
      RETURNS TABLE (id text, print_station text, print_run text)
      LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT v.id, v.print_station, v.print_run FROM public.visits v
        WHERE v.print_status = 'printing'
          AND (v.print_station = p_station OR v.print_station IS NULL)
      $$;

    -- Fails a print only while it is still the run the kiosk judged gone.
    CREATE FUNCTION public.kiosk_fail_print(p_id text, p_run text, p_error_json text)
      RETURNS SETOF text LANGUAGE sql ${DEFINER} AS $$
        UPDATE public.visits SET print_status = 'failed', print_error_json = p_error_json
        WHERE id = p_id AND print_status = 'printing' AND print_run IS NOT DISTINCT FROM p_run
        RETURNING day
      $$;

    CREATE FUNCTION public.kiosk_save_identity(p_id_number text, p_json text, p_read_at text)
      RETURNS void LANGUAGE sql ${DEFINER} AS $$
        INSERT INTO public.identity_cache (id_number, identity_json, read_at)
        VALUES (p_id_number, p_json, p_read_at)
        ON CONFLICT (id_number) DO UPDATE SET identity_json = excluded.identity_json,
          read_at = excluded.read_at
      $$;

    CREATE FUNCTION public.kiosk_save_lookup(p_id_number text, p_json text, p_fetched_at text)
      RETURNS void LANGUAGE sql ${DEFINER} AS $$
        INSERT INTO public.lookup_cache (id_number, result_json, fetched_at)
        VALUES (p_id_number, p_json, p_fetched_at)
        ON CONFLICT (id_number) DO UPDATE SET result_json = excluded.result_json,
          fetched_at = excluded.fetched_at
        WHERE excluded.fetched_at >= public.lookup_cache.fetched_at
      $$;

    CREATE FUNCTION public.kiosk_lookup(p_id_number text)
      RETURNS TABLE (result_json text, fetched_at text) LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT c.result_json, c.fetched_at FROM public.lookup_cache c
        WHERE c.id_number = p_id_number
      $$;

    CREATE FUNCTION public.kiosk_link_appointment(p_visit_id text, p_appointment_id text,
      p_at text)
      RETURNS void LANGUAGE sql ${DEFINER} AS $$
        INSERT INTO public.his_outbox (visit_id, state, bundle_hash, next_attempt_at, updated_at,
          appointment_id)
        VALUES (p_visit_id, 'pending', '', p_at, p_at, p_appointment_id)
        ON CONFLICT (visit_id) DO UPDATE SET appointment_id = excluded.appointment_id,
          bundle_hash = ''
      $$;

    -- One of a kiosk's offline visits (a JSON object of visits' columns, offline = true): new, or
    -- taking the place of this station's online visit of the same id whose answer was lost
    -- ('replaced': its re-check comes again with it), or already here from an earlier upload.
    CREATE FUNCTION public.kiosk_import_visit(p_visit json)
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

    REVOKE ALL ON FUNCTION
      public.kiosk_import_visit(json),
      public.kiosk_active_visit(text, text, text),
      public.kiosk_visits_of_person(text, text),
      public.kiosk_next_queue_seq(text, text, text),
      public.kiosk_insert_visit(text, text, text, text, text, integer, text, text, text, text,
        text, text, text, text, text, boolean, text, text, text),
      public.kiosk_record_print(text, text, text, text, text, text),
      public.kiosk_printing(text),
      public.kiosk_fail_print(text, text, text),
      public.kiosk_save_identity(text, text, text),
      public.kiosk_save_lookup(text, text, text),
      public.kiosk_lookup(text),
      public.kiosk_link_appointment(text, text, text)
    FROM PUBLIC;
  `,
};
