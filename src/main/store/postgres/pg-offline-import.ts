/**
 * A station's offline visits arriving on the server (../hospital): each with its own id, the
 * number already printed on its slip and the state it reached on the station (printed, called,
 * cancelled), with its pending re-checks, failed-lookup evidence and calls, all in one
 * transaction. `ON CONFLICT (id) DO NOTHING` makes the upload idempotent: when the answer to an
 * upload was lost (or the station crashed before marking it), the next upload skips what is
 * already here.
 */
import type pg from 'pg';
import type { OfflineImportReport, OfflineVisit } from '../offline-visits-contract';
import type { CheckInRequest } from '../store-contract';
import { NEW_VISIT_COLUMNS, newVisitValues } from './pg-rows';
import { notifyVisitsChanged } from './pg-pool';

/** A new visit's columns, then the state it reached on the station and the offline mark. */
const COLUMNS = [
  ...NEW_VISIT_COLUMNS,
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
] as const;

/**
 * The server's visit of the same id and station, made online: the station's check-in that the
 * server committed but whose answer never arrived, after which the station checked the person in
 * offline with the same id. Its number was never printed; the offline visit, whose number is on
 * the slip, takes its place. Its server number stays unused.
 */
const LOST_ANSWER = `SELECT 1 FROM visits WHERE id = $1 AND station_id = $2 AND NOT offline
  FOR UPDATE`;

const REPLACE = `UPDATE visits SET (${COLUMNS.slice(1).join(', ')})
  = (${COLUMNS.slice(1)
    .map((_, i) => `$${i + 2}`)
    .join(', ')})
  WHERE id = $1`;

const INSERT = `INSERT INTO visits (${COLUMNS.join(', ')})
  VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (id) DO NOTHING RETURNING id`;

function values(o: OfflineVisit): unknown[] {
  const v = o.visit;
  const asRequest: CheckInRequest = {
    date: v.date,
    stationId: v.stationId,
    department: v.department,
    lane: v.lane,
    patient: v.patient,
    identitySource: v.identitySource,
    chipVerification: v.chipVerification,
    faceVerification: v.faceVerification ?? null,
    insurance: v.insurance,
    createdAt: v.createdAt,
    recheck: null,
    ...(v.document ? { document: v.document } : {}),
    priority: v.priority ?? null,
    guardianName: v.guardianName ?? null,
  };
  return [
    ...newVisitValues(asRequest, { id: v.id, queueSeq: v.queueSeq, queueNumber: v.queueNumber }),
    v.status,
    v.cancelledReason,
    v.flagged,
    v.printStatus,
    v.printError ? JSON.stringify(v.printError) : null,
    o.printedAt,
    o.printOwner.station,
    o.printOwner.run,
    o.progressState,
    v.progress?.room ?? null,
    v.progress?.at ?? null,
    v.progress?.calls ?? 0,
    o.firstCalledAt,
    o.calledRoom,
    true,
  ];
}

/** The visit row itself: inserted, put in place of a lost answer's, or already there. */
async function putVisit(c: pg.PoolClient, o: OfflineVisit): Promise<'imported' | 'already'> {
  const v = o.visit;
  const inserted = await c.query(INSERT, values(o));
  if (inserted.rowCount !== 0) return 'imported';
  const lost = await c.query(LOST_ANSWER, [v.id, v.stationId]);
  if (lost.rowCount === 0) return 'already';
  // Its re-check comes again with the offline visit.
  await c.query('DELETE FROM recheck_queue WHERE visit_id = $1', [v.id]);
  await c.query(REPLACE, values(o));
  return 'imported';
}

/**
 * The same for a kiosk's role, which may not read visits: one function does it as the owner
 * (migrations 0006, 0010 and 0013, kiosk_import_visit), given the same columns and values.
 */
async function putVisitAsKiosk(c: pg.PoolClient, o: OfflineVisit): Promise<'imported' | 'already'> {
  const row = Object.fromEntries(COLUMNS.map((name, i) => [name, values(o)[i]]));
  const r = await c.query<{ outcome: string }>(
    'SELECT public.kiosk_import_visit($1::json) AS outcome',
    [JSON.stringify(row)],
  );
  return r.rows[0]!.outcome === 'already' ? 'already' : 'imported';
}

/** Whether the person has another active visit there that day (made online). */
async function otherActiveVisit(
  c: pg.PoolClient,
  v: OfflineVisit['visit'],
  via: 'tables' | 'kiosk',
): Promise<boolean> {
  if (via === 'kiosk') {
    const r = await c.query<{ id: string }>(
      'SELECT id FROM public.kiosk_active_visit($1, $2, $3)',
      [v.date, v.department, v.patient.idNumber],
    );
    return r.rows.some((row) => row.id !== v.id);
  }
  const other = await c.query(
    `SELECT 1 FROM visits WHERE day = $1 AND department = $2 AND patient_id_number = $3
       AND status = 'active' AND id <> $4 LIMIT 1`,
    [v.date, v.department, v.patient.idNumber, v.id],
  );
  return (other.rowCount ?? 0) > 0;
}

/** Inside the caller's transaction; `via` "kiosk": through the kiosk functions. */
export async function importOfflineVisitsIn(
  c: pg.PoolClient,
  visits: readonly OfflineVisit[],
  via: 'tables' | 'kiosk' = 'tables',
): Promise<OfflineImportReport> {
  const report: OfflineImportReport = { imported: [], alreadyThere: [], alsoCheckedInOnline: [] };
  for (const o of visits) {
    const v = o.visit;
    const put = via === 'kiosk' ? await putVisitAsKiosk(c, o) : await putVisit(c, o);
    if (put === 'already') {
      report.alreadyThere.push(v.id);
      continue;
    }
    report.imported.push(v.id);
    for (const r of o.rechecks) {
      await c.query(
        `INSERT INTO recheck_queue (visit_id, query_json, attempts, next_attempt_at, last_error,
           created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [v.id, JSON.stringify(r.query), r.attempts, r.nextAttemptAt, r.lastError, r.createdAt],
      );
    }
    for (const e of o.evidence) {
      await c.query(
        `INSERT INTO lookup_evidence (visit_id, asked_at, query_json, endpoint, failure,
           http_status, error_code, duration_ms, recheck_at, recheck_code, recheck_outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          v.id,
          e.askedAt,
          e.queryJson,
          e.endpoint,
          e.failure,
          e.httpStatus,
          e.errorCode,
          e.durationMs,
          e.recheckAt,
          e.recheckCode,
          e.recheckOutcome,
        ],
      );
    }
    for (const e of o.progressEvents) {
      await c.query(
        `INSERT INTO visit_progress_events (visit_id, day, state, action, room, station_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [v.id, v.date, e.state, e.action, e.room, e.stationId, e.at],
      );
    }
    if (v.status === 'active' && v.patient.idNumber && (await otherActiveVisit(c, v, via))) {
      report.alsoCheckedInOnline.push(v.id);
    }
  }
  if (report.imported.length > 0) {
    await notifyVisitsChanged(
      c,
      visits.filter((o) => report.imported.includes(o.visit.id)).map((o) => o.visit.date),
    );
  }
  return report;
}
