/**
 * Which database rights each kind of station has on the hospital's server: the one place this is
 * decided. Four group roles, created once by the database administrator (README "Hospital
 * server"), one per station mode; each station logs in as its own role, a member of its kind's
 * group. `store migrate` (run with the owner's URL) applies this table after migrating, every
 * time: what a role may do follows the schema this version writes, and a right taken away here is
 * taken away there (each group's rights are revoked first, then granted again).
 *
 * The rights follow each mode's requests (src/shared/station-access.ts) and the background work
 * the station runs (../../domain/station-duties.ts):
 * - kiosk: its check-in steps and the upload of its offline visits through the kiosk_* functions
 *   (migrations 0006 and 0010), and INSERT (never SELECT) of what comes with them: failed-lookup evidence,
 *   re-checks, calls; no SELECT on visits, the caches or anything else but the schema version.
 * - desk: the staff's list, cancel, reprint, manual identity, override, the re-check queue, the
 *   discrepancies, the HIS hand-off, the purge (which anonymises with UPDATE and deletes cache
 *   rows) and the upload of offline visits; never DELETE on visits, TRUNCATE or DDL.
 * - room: the caller: read the queue, the list and the board through a room's columns of visits
 *   (number, department, lane, progress, the queue policy's order, the name the doctor sees:
 *   ./pg-visit-reads.ts), never the ID or BHYT number, date of birth, insurance or priority's
 *   reason; mark a visit's progress (those columns only); record and read the progress events.
 * - display: the board: the view board_visits (migration 0012: number, department, lane,
 *   progress, room, calls, the name masked by the server) and the progress events; nothing of
 *   visits itself.
 * None of them needs a right to LISTEN for other stations' changes (../hospital/pg-change-feed.ts).
 */
import type pg from 'pg';
import type { StationMode } from '../../../shared/domain';
import { ROOM_VISIT_COLUMNS } from './pg-visit-reads';

/** The group role of each station mode. */
export const STATION_GROUP_ROLES: Readonly<Record<StationMode, string>> = {
  kiosk: 'kiosk_station',
  desk: 'desk_station',
  room: 'room_station',
  display: 'display_station',
};

const KIOSK_FUNCTIONS = [
  'kiosk_active_visit(text, text, text)',
  'kiosk_visits_of_person(text, text)',
  'kiosk_next_queue_seq(text, text, text)',
  'kiosk_insert_visit_row(json, text)',
  'kiosk_active_visit_of_card(text, text, text)',
  'kiosk_find_patient(text)',
  'kiosk_remember_patient(text, text, text, text)',
  'kiosk_record_print(text, text, text, text, text, text)',
  'kiosk_printing(text)',
  'kiosk_fail_print(text, text, text)',
  'kiosk_save_identity(text, text, text)',
  'kiosk_save_lookup(text, text, text)',
  'kiosk_lookup(text)',
  'kiosk_link_appointment(text, text, text)',
  'kiosk_import_visit(json)',
];

/** The columns a room's caller changes (../postgres/pg-calling.ts). */
const PROGRESS_COLUMNS =
  'progress, progress_room, progress_at, call_count, first_called_at, called_room';

/** The GRANT statements of each mode (`%ROLE%` is the group role). */
export const ROLE_GRANTS: Readonly<Record<StationMode, readonly string[]>> = {
  kiosk: [
    'GRANT SELECT ON public.schema_version TO %ROLE%',
    ...KIOSK_FUNCTIONS.map((f) => `GRANT EXECUTE ON FUNCTION public.${f} TO %ROLE%`),
    // What comes with its offline visits (./pg-offline-import.ts): written, never read.
    'GRANT INSERT ON public.lookup_evidence, public.recheck_queue, public.visit_progress_events TO %ROLE%',
  ],
  desk: [
    'GRANT SELECT ON public.schema_version TO %ROLE%',
    'GRANT SELECT, INSERT, UPDATE ON public.visits, public.queue_counters TO %ROLE%',
    `GRANT SELECT, INSERT, UPDATE, DELETE ON public.identity_cache, public.lookup_cache,
       public.recheck_queue, public.discrepancies, public.his_outbox, public.lookup_evidence TO %ROLE%`,
    'GRANT SELECT, INSERT ON public.visit_progress_events TO %ROLE%',
    // The audit trail: written and read, never changed (its triggers refuse that to everyone).
    'GRANT SELECT, INSERT ON public.audit_log TO %ROLE%',
  ],
  room: [
    'GRANT SELECT ON public.schema_version TO %ROLE%',
    `GRANT SELECT (${ROOM_VISIT_COLUMNS.join(', ')}) ON public.visits TO %ROLE%`,
    `GRANT UPDATE (${PROGRESS_COLUMNS}) ON public.visits TO %ROLE%`,
    'GRANT SELECT, INSERT ON public.visit_progress_events TO %ROLE%',
  ],
  display: [
    'GRANT SELECT ON public.schema_version TO %ROLE%',
    'GRANT SELECT ON public.board_visits, public.visit_progress_events TO %ROLE%',
  ],
};

/** Taken away before granting again: what a group role held on the schema's objects. */
const REVOKE = [
  'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %ROLE%',
  'REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %ROLE%',
  'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %ROLE%',
];

export interface GrantReport {
  /**
   * The connected role is not the owner: nothing was granted (PostgreSQL only warns when a role
   * grants what it does not own, so this is asked first).
   */
  notOwner: boolean;
  /** Group roles whose rights were set. */
  granted: string[];
  /** Group roles that do not exist on the server (the administrator has not created them). */
  missing: string[];
}

/**
 * Sets every existing group role's rights as ROLE_GRANTS says, in one transaction; run by the
 * owner (only the owner may grant on its objects). Missing roles are reported, not created:
 * creating roles needs CREATEROLE, which the owner should not have.
 */
export async function applyStationGrants(client: pg.ClientBase): Promise<GrantReport> {
  const report: GrantReport = { notOwner: false, granted: [], missing: [] };
  const owns = await client.query<{ owner: boolean }>(
    "SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.visits'::regclass), 'USAGE') AS owner",
  );
  if (!owns.rows[0]?.owner) return { ...report, notOwner: true };
  await client.query('BEGIN');
  try {
    for (const [mode, role] of Object.entries(STATION_GROUP_ROLES) as [StationMode, string][]) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) {
        report.missing.push(role);
        continue;
      }
      // Role names are ours (above), never configuration: quoted all the same.
      const quoted = `"${role.replace(/"/g, '""')}"`;
      for (const sql of [...REVOKE, ...ROLE_GRANTS[mode]]) {
        await client.query(sql.replace(/%ROLE%/g, quoted));
      }
      report.granted.push(role);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return report;
}

/** Which station kinds the connected role belongs to (doctor, `store status`). */
export async function stationKindsOf(
  client: pg.Pool | pg.ClientBase,
): Promise<{ role: string; kinds: StationMode[]; owner: boolean }> {
  const { rows } = await client.query<{ role: string; owner: boolean; kinds: string[] }>(
    `SELECT current_user::text AS role,
       has_schema_privilege('public', 'CREATE') AS owner,
       -- By oid, of the roles that exist: pg_has_role by name fails on a missing one.
       ARRAY(SELECT g.m FROM unnest($1::text[], $2::text[]) AS g (m, r)
             JOIN pg_roles p ON p.rolname = g.r
             WHERE pg_has_role(current_user, p.oid, 'MEMBER')) AS kinds`,
    [Object.keys(STATION_GROUP_ROLES), Object.values(STATION_GROUP_ROLES)],
  );
  const row = rows[0]!;
  return { role: row.role, kinds: row.kinds as StationMode[], owner: row.owner };
}
