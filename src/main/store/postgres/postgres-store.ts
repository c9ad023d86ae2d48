/**
 * The hospital's store on its PostgreSQL server, shared by every station: one queue per
 * department and lane for the whole hospital, visits of all stations for the desks, one cache.
 * Same contract and same behaviour as the station's SQLite store (the contract test suite runs
 * against both), with these differences that come from sharing:
 * - queue numbers have no station prefix (`KHAM-T-002`); each visit records its station;
 * - a number is allocated by the server in the visit's own transaction (the counter row is locked
 *   until commit), so any number of stations get 1, 2, 3, ... with no gap and no duplicate;
 * - "already checked in today" holds hospital-wide (a unique index, so a race cannot beat it);
 * - the re-check queue is claimed with FOR UPDATE SKIP LOCKED: one station re-checks an item.
 * Every write is one transaction; every write that changes visits notifies `kiosk_visits` with
 * the day, delivered at commit, so that other stations' desks refresh.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type {
  CardIdentity,
  Discrepancy,
  InsuranceResult,
  KioskErrorShape,
  Lane,
  PrintStatus,
  Visit,
  VisitProgressChange,
} from '../../../shared/domain';
import type { Logger } from '../../logging/logger';
import type { LookupEvidenceStore } from '../evidence-contract';
import type { HisOutboxStore } from '../his-outbox-contract';
import type { MigrationReport } from '../migrate';
import { isInterruptedPrint, pidAlive, processRunId, type PrintRun } from '../print-owner';
import { formatServerQueueNumber } from '../../domain/queue-number';
import {
  anonymisedInsurance,
  DISCREPANCY_SELECT,
  discrepancyFromRow,
  identityFromJson,
  recheckFromRow,
  storedInsurance,
  storedResult,
  visitFromRow,
  type DiscrepancyRow,
  type RecheckRow,
  type VisitRow,
} from '../rows';
import type {
  CachedIdentity,
  KnownPatient,
  CachedLookup,
  CallNextRequest,
  CheckInRequest,
  TicketMove,
  CheckInResult,
  KioskStore,
  RecheckItem,
  PurgeReport,
  PurgeRequest,
  RecentCall,
  RecheckApplication,
  RecheckApplied,
  RoomActionRequest,
  RoomActionResult,
  VisitQuery,
} from '../store-contract';
import { storeErrors } from '../store-errors';
import type { PgMigration } from './migrations';
import { pgSchemaVersion } from './pg-migrate';
import type { AuditStore, OfflineAuditImporter } from '../audit-contract';
import {
  inPgTransaction,
  notifyVisitsChanged,
  pgLocation,
  pgRead,
  type PgPoolOptions,
} from './pg-pool';
import { insertVisit, repeatKey, violatedUnique } from './pg-rows';
import { importOfflineVisitsIn } from './pg-offline-import';
import { TABLE_READS, type VisitReads } from './pg-visit-reads';
import { recordChange } from './pg-calling';
import type {
  OfflineImportReport,
  OfflineVisit,
  OfflineVisitImporter,
} from '../offline-visits-contract';

/** Calling patients in on the server (./pg-calling.ts, helper pg-calling-his). */
export type PgCalling = Pick<
  KioskStore,
  'callNext' | 'roomAction' | 'recentCalls' | 'waitingCounts' | 'progressChanges'
>;

/** The parts of the store that live in their own modules, built on the same pool. */
export interface PgStoreParts {
  hisOutbox: HisOutboxStore;
  lookupEvidence: LookupEvidenceStore;
  audit: AuditStore & OfflineAuditImporter;
  calling: PgCalling;
  /** Where a visit is read from by id and in the list (./pg-visit-reads.ts; the table by default). */
  visitReads?: VisitReads;
}

const ACTIVE_VISIT_OF = `SELECT * FROM visits
  WHERE day = $1 AND department = $2 AND patient_id_number = $3 AND status = 'active'`;

const ACTIVE_VISIT_OF_CARD = `SELECT * FROM visits
  WHERE day = $1 AND department = $2 AND patient_card_number = $3
    AND patient_id_number IS NULL AND status = 'active'`;

const SAVE_LOOKUP = `INSERT INTO lookup_cache (id_number, result_json, fetched_at) VALUES ($1, $2, $3)
  ON CONFLICT (id_number) DO UPDATE SET result_json = excluded.result_json,
    fetched_at = excluded.fetched_at
  WHERE excluded.fetched_at >= lookup_cache.fetched_at`;

/** How often a check-in that lost a race to the same person's other check-in starts again. */
const CHECKIN_ATTEMPTS = 3;

export class PostgresStore implements KioskStore, OfflineVisitImporter {
  readonly kind = 'postgres';
  /** The server's URL with the password masked. */
  readonly location: string;
  readonly hisOutbox: HisOutboxStore;
  readonly lookupEvidence: LookupEvidenceStore;
  readonly audit: AuditStore & OfflineAuditImporter;
  private readonly calling: PgCalling;
  private readonly visitReads: VisitReads;
  private closed = false;
  /** Retries of a check-in that lost the race to the same person's other check-in. */
  protected readonly checkinAttempts = CHECKIN_ATTEMPTS;

  constructor(
    private readonly pool: pg.Pool,
    parts: PgStoreParts,
    /** What opening did to the schema (nothing when it was up to date). */
    readonly migration: MigrationReport | null = null,
    /** Who this store prints as (see ../print-owner.ts). */
    protected readonly printRun: PrintRun = { station: 'local', run: processRunId() },
  ) {
    this.location = pgLocation(pool);
    this.hisOutbox = parts.hisOutbox;
    this.lookupEvidence = parts.lookupEvidence;
    this.audit = parts.audit;
    this.calling = parts.calling;
    this.visitReads = parts.visitReads ?? TABLE_READS;
  }

  protected open(): pg.Pool {
    if (this.closed) throw storeErrors.closed();
    return this.pool;
  }

  protected write<T>(during: string, body: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inPgTransaction(this.open(), during, body);
  }

  protected read<R extends pg.QueryResultRow>(
    during: string,
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return pgRead<R>(this.open(), during, sql, params);
  }

  async schemaVersion(): Promise<number> {
    return pgSchemaVersion(this.open());
  }

  async checkIn(req: CheckInRequest): Promise<CheckInResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write('check-in', async (c) => {
          const key = repeatKey(req);
          const existing = key
            ? await c.query<VisitRow>(key.by === 'id' ? ACTIVE_VISIT_OF : ACTIVE_VISIT_OF_CARD, [
                req.date,
                req.department,
                key.value,
              ])
            : { rows: [] as VisitRow[] };
          if (existing.rows[0]) return { visit: visitFromRow(existing.rows[0]), created: false };
          // The counter row stays locked until this transaction ends: the next station's
          // check-in waits here and then sees this one's number (or the old one after a rollback).
          const seq = await this.nextSeq(c, req.date, req.department, req.lane);
          const id = req.visitId ?? randomUUID();
          await insertVisit(c, req, {
            id,
            queueSeq: seq,
            queueNumber: formatServerQueueNumber(req.department, req.lane, seq),
          });
          if (req.recheck) {
            await c.query(
              `INSERT INTO recheck_queue (visit_id, query_json, next_attempt_at, created_at)
               VALUES ($1, $2, $3, $3)`,
              [id, JSON.stringify(req.recheck), req.createdAt],
            );
          }
          await notifyVisitsChanged(c, [req.date]);
          const row = await c.query<VisitRow>('SELECT * FROM visits WHERE id = $1', [id]);
          return { visit: visitFromRow(row.rows[0]!), created: true };
        });
      } catch (err) {
        // Another station checked the same person in to the same department a moment earlier:
        // this transaction (its number included) was rolled back; the next attempt finds theirs.
        const index = violatedUnique(err);
        const samePerson =
          index === 'visits_one_active_per_person' || index === 'visits_one_active_per_card';
        if (!samePerson || attempt >= CHECKIN_ATTEMPTS) throw err;
      }
    }
  }

  async getVisit(id: string): Promise<Visit | null> {
    const { from, columns, toVisit } = this.visitReads;
    const rows = await this.read<VisitRow>(
      'read visit',
      `SELECT ${columns} FROM ${from} WHERE id = $1`,
      [id],
    );
    return rows[0] ? toVisit(rows[0]) : null;
  }

  async listVisits(q: VisitQuery): Promise<Visit[]> {
    const where = ['day = $1'];
    const args: string[] = [q.date];
    if (q.department) {
      args.push(q.department);
      where.push(`department = $${args.length}`);
    }
    if (!q.includeCancelled) where.push("status = 'active'");
    const { from, columns, toVisit } = this.visitReads;
    const rows = await this.read<VisitRow>(
      'list visits',
      `SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')}
       ORDER BY created_at, queue_number`,
      args,
    );
    return rows.map(toVisit);
  }

  async visitsOfPerson(date: string, idNumber: string): Promise<Visit[]> {
    const rows = await this.read<VisitRow>(
      'read visits',
      `SELECT * FROM visits WHERE day = $1 AND patient_id_number = $2 AND status = 'active'
       ORDER BY created_at`,
      [date, idNumber],
    );
    return rows.map(visitFromRow);
  }

  async completeTicket(visitId: string, req: CheckInRequest): Promise<Visit | null> {
    return this.write('complete ticket', async (c) => {
      const changed = await c.query(
        `UPDATE visits SET patient_id_number = $2, patient_name = $3, patient_dob = $4,
           patient_sex = $5, patient_card_number = $6, identity_source = $7, document = $8,
           priority_json = $9, insurance_json = $10, guardian_name = $11
         WHERE id = $1 AND status = 'active' AND patient_id_number IS NULL
           AND patient_card_number IS NULL AND COALESCE(patient_name, '') = ''`,
        [
          visitId,
          req.patient.idNumber || null,
          req.patient.fullName,
          req.patient.dateOfBirth,
          req.patient.sex,
          req.patient.cardNumber ?? null,
          req.identitySource,
          req.document ?? null,
          req.priority ? JSON.stringify(req.priority) : null,
          JSON.stringify(storedInsurance(req.insurance)),
          req.guardianName ?? null,
        ],
      );
      if ((changed.rowCount ?? 0) === 0) return null;
      if (req.recheck) {
        await c.query(
          `INSERT INTO recheck_queue (visit_id, query_json, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $3)`,
          [visitId, JSON.stringify(req.recheck), req.createdAt],
        );
      }
      return this.visitIn(c, visitId, true);
    });
  }

  async sendTicketOn(visitId: string, move: TicketMove): Promise<Visit | null> {
    return this.write('send ticket on', async (c) => {
      const row = (
        await c.query<{ day: string }>(
          `SELECT day FROM visits WHERE id = $1 AND status = 'active' AND department = $2
             AND progress = 'waiting' AND COALESCE(patient_name, '') <> '' FOR UPDATE`,
          [visitId, move.from],
        )
      ).rows[0];
      if (!row) return null;
      // A place in the new lane's counter, as SQLite gives it; the number stays the slip's.
      const seq = await this.nextSeq(c, row.day, move.department, move.lane);
      await c.query('UPDATE visits SET department = $2, lane = $3, queue_seq = $4 WHERE id = $1', [
        visitId,
        move.department,
        move.lane,
        seq,
      ]);
      return this.visitIn(c, visitId, true);
    });
  }

  /** The next number of a day's department and lane; its row stays locked until commit. */
  private async nextSeq(c: pg.PoolClient, day: string, department: string, lane: Lane) {
    const counter = await c.query<{ last_seq: number }>(
      `INSERT INTO queue_counters (day, department, lane, last_seq) VALUES ($1, $2, $3, 1)
       ON CONFLICT (day, department, lane)
         DO UPDATE SET last_seq = queue_counters.last_seq + 1
       RETURNING last_seq`,
      [day, department, lane],
    );
    return counter.rows[0]!.last_seq;
  }

  async cancelVisit(id: string, reason: string, at: string): Promise<Visit | null> {
    return this.write('cancel visit', async (c) => {
      const cancelled = await c.query<{ day: string }>(
        `UPDATE visits SET status = 'cancelled', cancelled_reason = $1
         WHERE id = $2 AND status = 'active' RETURNING day`,
        [reason, id],
      );
      await c.query('DELETE FROM recheck_queue WHERE visit_id = $1', [id]);
      const day = cancelled.rows[0]?.day;
      // Its time, as an event like a room's (no room: staff cancel at the desk), so the HIS's
      // status history knows when the visit stopped being what it was.
      if (day) {
        await recordChange(c, {
          visitId: id,
          day,
          state: 'cancelled',
          action: 'cancel',
          room: '',
          stationId: this.printRun.station,
          at,
        });
      }
      return this.visitIn(c, id, true);
    });
  }

  /** The visit as this transaction sees it; `notify`: tell the desks its day changed. */
  private async visitIn(c: pg.PoolClient, id: string, notify: boolean): Promise<Visit | null> {
    const row = (await c.query<VisitRow>('SELECT * FROM visits WHERE id = $1', [id])).rows[0];
    if (!row) return null;
    if (notify) await notifyVisitsChanged(c, [row.day]);
    return visitFromRow(row);
  }

  async recordPrint(
    id: string,
    status: PrintStatus,
    error: KioskErrorShape | null,
    at: string,
  ): Promise<Visit | null> {
    return this.write('record print', async (c) => {
      const owner = status === 'printing' ? this.printRun : null;
      await c.query(
        `UPDATE visits SET print_status = $1, print_error_json = $2,
           printed_at = COALESCE($3, printed_at),
           print_station = COALESCE($4, print_station), print_run = COALESCE($5, print_run)
         WHERE id = $6`,
        [
          status,
          error ? JSON.stringify(error) : null,
          status === 'printed' ? at : null,
          owner?.station ?? null,
          owner?.run ?? null,
          id,
        ],
      );
      return this.visitIn(c, id, true);
    });
  }

  async failInterruptedPrints(error: KioskErrorShape): Promise<number> {
    return this.write('fail interrupted prints', async (c) => {
      // Locked, so that a print finishing meanwhile is not failed after the fact.
      const printing = await c.query<{
        id: string;
        print_station: string | null;
        print_run: string | null;
      }>(
        `SELECT id, print_station, print_run FROM visits
         WHERE print_status = 'printing' FOR UPDATE`,
      );
      const ids = printing.rows
        .filter((v) =>
          isInterruptedPrint(
            { station: v.print_station, run: v.print_run },
            this.printRun,
            pidAlive,
          ),
        )
        .map((v) => v.id);
      if (ids.length === 0) return 0;
      const r = await c.query<{ day: string }>(
        `UPDATE visits SET print_status = 'failed', print_error_json = $1
         WHERE id = ANY($2::text[]) RETURNING day`,
        [JSON.stringify(error), ids],
      );
      await notifyVisitsChanged(
        c,
        r.rows.map((row) => row.day),
      );
      return r.rowCount ?? 0;
    });
  }

  async saveIdentity(identity: CardIdentity, readAt: string): Promise<void> {
    await this.write('cache identity', async (c) => {
      await c.query(
        `INSERT INTO identity_cache (id_number, identity_json, read_at) VALUES ($1, $2, $3)
         ON CONFLICT (id_number) DO UPDATE SET identity_json = excluded.identity_json,
           read_at = excluded.read_at`,
        [identity.idNumber, JSON.stringify(identity), readAt],
      );
    });
  }

  async getIdentity(idNumber: string): Promise<CachedIdentity | null> {
    const rows = await this.read<{ identity_json: string; read_at: string }>(
      'read identity cache',
      'SELECT identity_json, read_at FROM identity_cache WHERE id_number = $1',
      [idNumber],
    );
    const row = rows[0];
    return row ? { identity: identityFromJson(row.identity_json), readAt: row.read_at } : null;
  }

  async saveLookup(idNumber: string, result: InsuranceResult, fetchedAt: string): Promise<void> {
    await this.write('cache lookup', async (c) => {
      await c.query(SAVE_LOOKUP, [idNumber, JSON.stringify(storedResult(result)), fetchedAt]);
    });
  }

  /**
   * The returning-patient keys' statements (remember: key, person JSON, source, seen at; find:
   * key). A kiosk's role goes through functions instead (./pg-kiosk-store.ts).
   */
  protected get patientKeysSql(): { remember: string; find: string } {
    return {
      remember: `INSERT INTO patient_keys (key, person_json, source, seen_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (key) DO UPDATE SET person_json = excluded.person_json,
          source = excluded.source, seen_at = excluded.seen_at
        WHERE excluded.seen_at >= patient_keys.seen_at`,
      find: 'SELECT person_json, seen_at FROM patient_keys WHERE key = $1',
    };
  }

  async rememberPatient(keys: string[], patient: KnownPatient, seenAt: string): Promise<void> {
    await this.write('remember patient', async (c) => {
      for (const key of keys) {
        await c.query(this.patientKeysSql.remember, [
          key,
          JSON.stringify(patient),
          patient.source,
          seenAt,
        ]);
      }
    });
  }

  async findPatient(key: string): Promise<{ patient: KnownPatient; seenAt: string } | null> {
    const rows = await this.read<{ person_json: string; seen_at: string }>(
      'find patient',
      this.patientKeysSql.find,
      [key],
    );
    const row = rows[0];
    return row
      ? { patient: JSON.parse(row.person_json) as KnownPatient, seenAt: row.seen_at }
      : null;
  }

  async getLookup(idNumber: string): Promise<CachedLookup | null> {
    const rows = await this.read<{ result_json: string; fetched_at: string }>(
      'read lookup cache',
      'SELECT result_json, fetched_at FROM lookup_cache WHERE id_number = $1',
      [idNumber],
    );
    const row = rows[0];
    return row
      ? { result: JSON.parse(row.result_json) as InsuranceResult, fetchedAt: row.fetched_at }
      : null;
  }

  async claimRechecks(o: {
    now: string;
    leaseUntil: string;
    limit: number;
    ignoreSchedule?: boolean;
  }): Promise<RecheckItem[]> {
    return this.write('claim re-checks', async (c) => {
      // Rows another station is claiming right now are skipped, not waited for: each item goes
      // to one station. The items come back as they were before the lease (like SQLite's).
      const due = o.ignoreSchedule ? 'true' : 'next_attempt_at <= $3';
      const r = await c.query<RecheckRow>(
        `WITH due AS (
           SELECT * FROM recheck_queue WHERE ${due} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
         ), leased AS (
           UPDATE recheck_queue o SET next_attempt_at = $2 FROM due WHERE o.id = due.id RETURNING o.id
         )
         SELECT due.* FROM due JOIN leased USING (id) ORDER BY id`,
        o.ignoreSchedule ? [o.limit, o.leaseUntil] : [o.limit, o.leaseUntil, o.now],
      );
      return r.rows.map(recheckFromRow);
    });
  }

  async deferRecheck(id: number, nextAttemptAt: string, error: string): Promise<void> {
    await this.write('defer re-check', async (c) => {
      await c.query(
        `UPDATE recheck_queue SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2
         WHERE id = $3`,
        [nextAttemptAt, error, id],
      );
    });
  }

  async dropRecheck(id: number): Promise<void> {
    await this.write('drop re-check', async (c) => {
      await c.query('DELETE FROM recheck_queue WHERE id = $1', [id]);
    });
  }

  async applyRecheck(a: RecheckApplication): Promise<RecheckApplied> {
    return this.write('apply recheck', async (c) => {
      // Deleting first claims the item: a second station finishing it finds nothing to do.
      const item = (
        await c.query<{ visit_id: string }>(
          'DELETE FROM recheck_queue WHERE id = $1 RETURNING visit_id',
          [a.recheckId],
        )
      ).rows[0];
      if (!item) return { visit: null, discrepancy: null };
      const row = (
        await c.query<VisitRow>('SELECT * FROM visits WHERE id = $1 FOR UPDATE', [item.visit_id])
      ).rows[0];
      if (!row) return { visit: null, discrepancy: null };
      if (row.patient_id_number) {
        await c.query(SAVE_LOOKUP, [
          row.patient_id_number,
          JSON.stringify(storedResult(a.result)),
          a.at,
        ]);
      }
      if (a.visitInsurance) {
        await c.query('UPDATE visits SET insurance_json = $1 WHERE id = $2', [
          JSON.stringify(storedInsurance(a.visitInsurance)),
          row.id,
        ]);
      }
      let discrepancy: Discrepancy | null = null;
      if (a.discrepancy) {
        const id = randomUUID();
        await c.query(
          `INSERT INTO discrepancies (id, visit_id, used_json, recheck_json, created_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            id,
            row.id,
            JSON.stringify(a.discrepancy.usedAtCheckin),
            JSON.stringify(a.discrepancy.recheck),
            a.at,
          ],
        );
        await c.query('UPDATE visits SET flagged = true WHERE id = $1', [row.id]);
        discrepancy = discrepancyFromRow(
          (await c.query<DiscrepancyRow>(`${DISCREPANCY_SELECT} WHERE d.id = $1`, [id])).rows[0]!,
        );
      }
      const visit = await this.visitIn(c, row.id, Boolean(a.visitInsurance || a.discrepancy));
      return { visit, discrepancy };
    });
  }

  async pendingRechecks(): Promise<number> {
    const rows = await this.read<{ n: number }>(
      'count re-checks',
      'SELECT count(*)::int AS n FROM recheck_queue',
    );
    return rows[0]!.n;
  }

  async discrepancies(options: { includeResolved?: boolean } = {}): Promise<Discrepancy[]> {
    const rows = await this.read<DiscrepancyRow>(
      'list discrepancies',
      options.includeResolved
        ? `${DISCREPANCY_SELECT} ORDER BY d.created_at`
        : `${DISCREPANCY_SELECT} WHERE d.resolved_at IS NULL ORDER BY d.created_at`,
    );
    return rows.map(discrepancyFromRow);
  }

  async resolveDiscrepancy(id: string, at: string): Promise<boolean> {
    return this.write('resolve discrepancy', async (c) => {
      const row = (
        await c.query<{ visit_id: string }>(
          'SELECT visit_id FROM discrepancies WHERE id = $1 FOR UPDATE',
          [id],
        )
      ).rows[0];
      if (!row) return false;
      await c.query(
        'UPDATE discrepancies SET resolved_at = $1 WHERE id = $2 AND resolved_at IS NULL',
        [at, id],
      );
      await c.query(
        `UPDATE visits SET flagged = EXISTS (
           SELECT 1 FROM discrepancies WHERE visit_id = $1 AND resolved_at IS NULL)
         WHERE id = $1`,
        [row.visit_id],
      );
      await this.visitIn(c, row.visit_id, true);
      return true;
    });
  }

  async callNext(req: CallNextRequest): Promise<Visit | null> {
    if (this.closed) throw storeErrors.closed();
    return this.calling.callNext(req);
  }

  async roomAction(req: RoomActionRequest): Promise<RoomActionResult> {
    if (this.closed) throw storeErrors.closed();
    return this.calling.roomAction(req);
  }

  async recentCalls(q: {
    date: string;
    rooms: readonly string[];
    limit: number;
  }): Promise<RecentCall[]> {
    if (this.closed) throw storeErrors.closed();
    return this.calling.recentCalls(q);
  }

  async waitingCounts(
    date: string,
    departments: readonly string[],
  ): Promise<Record<string, number>> {
    if (this.closed) throw storeErrors.closed();
    return this.calling.waitingCounts(date, departments);
  }

  async progressChanges(visitId: string): Promise<VisitProgressChange[]> {
    if (this.closed) throw storeErrors.closed();
    return this.calling.progressChanges(visitId);
  }

  async purge(req: PurgeRequest): Promise<PurgeReport> {
    return this.write('purge', async (c) => {
      const old = (
        await c.query<{ id: string; day: string; insurance_json: string }>(
          `SELECT id, day, insurance_json FROM visits WHERE day < $1 AND anonymised_at IS NULL
           FOR UPDATE`,
          [req.visitsBefore],
        )
      ).rows;
      if (old.length > 0) {
        // What a purged visit keeps of its insurance is decided in one place (../rows.ts), so
        // the new values are computed here and written in one statement.
        await c.query(
          `UPDATE visits v SET patient_id_number = NULL, patient_name = NULL, patient_dob = NULL,
             patient_sex = NULL, patient_card_number = NULL, guardian_name = NULL,
             cancelled_reason = NULL, flagged = false,
             insurance_json = n.insurance_json, anonymised_at = $3
           FROM unnest($1::text[], $2::text[]) AS n (id, insurance_json)
           WHERE v.id = n.id`,
          [
            old.map((v) => v.id),
            old.map((v) => JSON.stringify(anonymisedInsurance(JSON.parse(v.insurance_json)))),
            req.at,
          ],
        );
      }
      const count = async (sql: string, params: unknown[]): Promise<number> =>
        (await c.query(sql, params)).rowCount ?? 0;
      const oldVisits = 'SELECT id FROM visits WHERE day < $1';
      const report: PurgeReport = {
        visitsAnonymised: old.length,
        rechecksDeleted: await count(`DELETE FROM recheck_queue WHERE visit_id IN (${oldVisits})`, [
          req.visitsBefore,
        ]),
        discrepanciesDeleted: await count(
          `DELETE FROM discrepancies WHERE visit_id IN (${oldVisits})`,
          [req.visitsBefore],
        ),
        identitiesDeleted: await count('DELETE FROM identity_cache WHERE read_at < $1', [
          req.cacheBefore,
        ]),
        lookupsDeleted:
          (await count('DELETE FROM lookup_cache WHERE fetched_at < $1', [req.cacheBefore])) +
          // Names and numbers of returning patients age out with the caches they came from.
          (await count('DELETE FROM patient_keys WHERE seen_at < $1', [req.cacheBefore])),
      };
      await notifyVisitsChanged(
        c,
        old.map((v) => v.day),
      );
      return report;
    });
  }

  /** A station's offline visits, idempotent by visit id (./pg-offline-import.ts). */
  async importOfflineVisits(visits: readonly OfflineVisit[]): Promise<OfflineImportReport> {
    return this.write('import offline visits', (c) => importOfflineVisitsIn(c, visits));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

export type PgStationAccess = 'kiosk' | 'room' | 'display' | 'tables';

export interface PostgresStoreOptions extends PgPoolOptions {
  logger?: Logger;
  /** Who this store prints as; by default station "local" and this process's run. */
  printRun?: PrintRun;
  /** The schema steps to run; all of them unless a test builds an older database. */
  migrations?: readonly PgMigration[];
  /**
   * What the station's role may reach (./pg-grants.ts): "kiosk", visits and the caches only
   * through the kiosk_* functions (./pg-kiosk-store.ts); "room", a room's columns of the visits;
   * "display", the board's view (./pg-visit-reads.ts); "tables" (default), the tables (a desk,
   * the owner).
   */
  access?: PgStationAccess;
}
