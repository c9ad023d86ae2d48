/**
 * The station's store in one SQLite file (see ./connection.ts for the settings). Every write is
 * one IMMEDIATE transaction: it takes the write lock before reading, so two processes on the same
 * file serialise instead of deciding on stale reads, and a crash leaves all of it or none.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  CardIdentity,
  Discrepancy,
  InsuranceResult,
  KioskErrorShape,
  PrintStatus,
  Visit,
  VisitProgressChange,
} from '../../../shared/domain';
import { formatQueueNumber } from '../../domain/queue-number';
import type {
  CachedIdentity,
  KnownPatient,
  CachedLookup,
  CheckInRequest,
  TicketMove,
  CheckInResult,
  KioskStore,
  RecheckItem,
  PurgeReport,
  PurgeRequest,
  RecheckApplication,
  RecheckApplied,
  VisitQuery,
  CallNextRequest,
  RecentCall,
  RoomActionRequest,
  RoomActionResult,
} from '../store-contract';
import { storeErrors, toStoreError } from '../store-errors';
import { openDatabase, type OpenDatabaseOptions } from './connection';
import { isInterruptedPrint, pidAlive, processRunId, type PrintRun } from '../print-owner';
import { prepareQueueCounter } from './queue-counter';
import { prepareCalling } from './sqlite-calling';
import { prepareOfflineNumber, SqliteOfflineVisits } from './offline-visits';
import { SqliteOfflineAudit } from './offline-audit';
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
import { schemaVersionOf } from '../migrate';
import { faceColumns } from '../face-columns';
import type { HisOutboxStore } from '../his-outbox-contract';
import { SqliteHisOutbox } from './his-outbox';
import { SqliteLookupEvidence } from './lookup-evidence';
import { SqliteAuditLog } from './audit-log';
import type { AuditStore } from '../audit-contract';
import type { LookupEvidenceStore } from '../evidence-contract';

function prepareStatements(db: Database.Database) {
  return {
    visitById: db.prepare<[string], VisitRow>('SELECT * FROM visits WHERE id = ?'),
    activeVisitOf: db.prepare<[string, string, string], VisitRow>(
      `SELECT * FROM visits
       WHERE day = ? AND department = ? AND patient_id_number = ? AND status = 'active'`,
    ),
    activeVisitOfCard: db.prepare<[string, string, string], VisitRow>(
      `SELECT * FROM visits
       WHERE day = ? AND department = ? AND patient_card_number = ?
         AND patient_id_number IS NULL AND status = 'active'`,
    ),
    visitsOfPerson: db.prepare<[string, string], VisitRow>(
      `SELECT * FROM visits WHERE day = ? AND patient_id_number = ? AND status = 'active'
       ORDER BY created_at`,
    ),
    insertVisit: db.prepare(
      `INSERT INTO visits (id, day, station_id, department, lane, queue_seq, queue_number,
         patient_id_number, patient_name, patient_dob, patient_sex, identity_source,
         passive_auth, chip_auth, chip_auth_method, chip_accepted_by_staff,
         chip_accepted_by_name, chip_accepted_by_id, chip_accepted_at,
         insurance_json, created_at, offline, patient_card_number, document, priority_json,
         face_decision, face_score, face_threshold, face_liveness, face_model, guardian_name)
       VALUES (@id, @day, @station_id, @department, @lane, @queue_seq, @queue_number,
         @patient_id_number, @patient_name, @patient_dob, @patient_sex, @identity_source,
         @passive_auth, @chip_auth, @chip_auth_method, @chip_accepted_by_staff,
         @chip_accepted_by_name, @chip_accepted_by_id, @chip_accepted_at,
         @insurance_json, @created_at, @offline, @patient_card_number, @document, @priority_json,
         @face_decision, @face_score, @face_threshold, @face_liveness, @face_model,
         @guardian_name)`,
    ),
    cancelVisit: db.prepare<[string, string]>(
      `UPDATE visits SET status = 'cancelled', cancelled_reason = ?
       WHERE id = ? AND status = 'active'`,
    ),
    recordPrint: db.prepare<
      [string, string | null, string | null, string | null, string | null, string]
    >(
      `UPDATE visits SET print_status = ?, print_error_json = ?,
         printed_at = COALESCE(?, printed_at),
         print_station = COALESCE(?, print_station), print_run = COALESCE(?, print_run)
       WHERE id = ?`,
    ),
    printingVisits: db.prepare<
      [],
      { id: string; print_station: string | null; print_run: string | null }
    >(`SELECT id, print_station, print_run FROM visits WHERE print_status = 'printing'`),
    failPrint: db.prepare<[string, string]>(
      `UPDATE visits SET print_status = 'failed', print_error_json = ?
       WHERE id = ? AND print_status = 'printing'`,
    ),
    setVisitInsurance: db.prepare<[string, string]>(
      'UPDATE visits SET insurance_json = ? WHERE id = ?',
    ),
    flagVisit: db.prepare<[number, string]>('UPDATE visits SET flagged = ? WHERE id = ?'),

    saveIdentity: db.prepare<[string, string, string]>(
      `INSERT INTO identity_cache (id_number, identity_json, read_at) VALUES (?, ?, ?)
       ON CONFLICT (id_number) DO UPDATE SET identity_json = excluded.identity_json,
         read_at = excluded.read_at`,
    ),
    getIdentity: db.prepare<[string], { identity_json: string; read_at: string }>(
      'SELECT identity_json, read_at FROM identity_cache WHERE id_number = ?',
    ),
    saveLookup: db.prepare<[string, string, string]>(
      `INSERT INTO lookup_cache (id_number, result_json, fetched_at) VALUES (?, ?, ?)
       ON CONFLICT (id_number) DO UPDATE SET result_json = excluded.result_json,
         fetched_at = excluded.fetched_at
       WHERE excluded.fetched_at >= lookup_cache.fetched_at`,
    ),
    getLookup: db.prepare<[string], { result_json: string; fetched_at: string }>(
      'SELECT result_json, fetched_at FROM lookup_cache WHERE id_number = ?',
    ),
    rememberPatient: db.prepare<[string, string, string, string]>(
      `INSERT INTO patient_keys (key, person_json, source, seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET person_json = excluded.person_json,
         source = excluded.source, seen_at = excluded.seen_at
       WHERE excluded.seen_at >= patient_keys.seen_at`,
    ),
    findPatient: db.prepare<[string], { person_json: string; seen_at: string }>(
      'SELECT person_json, seen_at FROM patient_keys WHERE key = ?',
    ),

    insertRecheck: db.prepare<[string, string, string, string]>(
      `INSERT INTO recheck_queue (visit_id, query_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?)`,
    ),
    dueRechecks: db.prepare<[string, number], RecheckRow>(
      'SELECT * FROM recheck_queue WHERE next_attempt_at <= ? ORDER BY id LIMIT ?',
    ),
    anyRechecks: db.prepare<[number], RecheckRow>(
      'SELECT * FROM recheck_queue ORDER BY id LIMIT ?',
    ),
    leaseRecheck: db.prepare<[string, number]>(
      'UPDATE recheck_queue SET next_attempt_at = ? WHERE id = ?',
    ),
    deferRecheck: db.prepare<[string, string, number]>(
      `UPDATE recheck_queue SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
       WHERE id = ?`,
    ),
    recheckById: db.prepare<[number], RecheckRow>('SELECT * FROM recheck_queue WHERE id = ?'),
    deleteRecheck: db.prepare<[number]>('DELETE FROM recheck_queue WHERE id = ?'),
    deleteRechecksOfVisit: db.prepare<[string]>('DELETE FROM recheck_queue WHERE visit_id = ?'),
    countRechecks: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM recheck_queue'),

    insertDiscrepancy: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO discrepancies (id, visit_id, used_json, recheck_json, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    discrepancyById: db.prepare<[string], DiscrepancyRow>(`${DISCREPANCY_SELECT} WHERE d.id = ?`),
    openDiscrepancies: db.prepare<[], DiscrepancyRow>(
      `${DISCREPANCY_SELECT} WHERE d.resolved_at IS NULL ORDER BY d.created_at`,
    ),
    allDiscrepancies: db.prepare<[], DiscrepancyRow>(`${DISCREPANCY_SELECT} ORDER BY d.created_at`),
    resolveDiscrepancy: db.prepare<[string, string]>(
      'UPDATE discrepancies SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL',
    ),
    openDiscrepanciesOfVisit: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM discrepancies WHERE visit_id = ? AND resolved_at IS NULL',
    ),
  };
}

export interface SqliteStoreOptions extends OpenDatabaseOptions {
  /**
   * `station` (default): the SQLite-only station's numbers, `K01-KHAM-T-004`. `offline`: this
   * file is the fallback of a station on the hospital's server while it cannot be reached; its
   * visits get offline numbers (`K02-KHAM-O-003`) and wait to be uploaded (../hospital).
   */
  queueNumbers?: 'station' | 'offline';
  /** Who this store prints as; by default station "local" and this process's run. */
  printRun?: PrintRun;
}

export class SqliteStore implements KioskStore {
  readonly kind = 'sqlite';
  readonly location: string;
  private readonly db: Database.Database;
  private readonly s: ReturnType<typeof prepareStatements>;
  private readonly nextSeq: ReturnType<typeof prepareQueueCounter>;
  private readonly calling: ReturnType<typeof prepareCalling>;
  private readonly offlineNumber: ReturnType<typeof prepareOfflineNumber> | null;
  /** Visits checked in here while the hospital's server was away (queueNumbers "offline"). */
  readonly offlineVisits: SqliteOfflineVisits;
  /** Audit entries recorded here while the hospital's server was away, on their way up. */
  readonly offlineAudit: SqliteOfflineAudit;
  private closed = false;
  readonly hisOutbox: HisOutboxStore;
  readonly lookupEvidence: LookupEvidenceStore;
  readonly audit: AuditStore;
  private readonly printRun: PrintRun;

  constructor(options: SqliteStoreOptions) {
    this.location = options.file;
    this.printRun = options.printRun ?? { station: 'local', run: processRunId() };
    this.db = openDatabase(options);
    try {
      this.s = prepareStatements(this.db);
      this.nextSeq = prepareQueueCounter(this.db);
      this.calling = prepareCalling(this.db);
      this.offlineNumber =
        options.queueNumbers === 'offline' ? prepareOfflineNumber(this.db) : null;
      this.offlineVisits = new SqliteOfflineVisits(
        this.db,
        (during, body) => this.write(during, body),
        (during, body) => this.guard(during, body),
      );
      this.offlineAudit = new SqliteOfflineAudit(
        this.db,
        (during, body) => this.write(during, body),
        (during, body) => this.guard(during, body),
      );
      this.hisOutbox = new SqliteHisOutbox(
        this.db,
        (during, body) => this.write(during, body),
        (during, body) => this.guard(during, body),
      );
      this.lookupEvidence = new SqliteLookupEvidence(
        this.db,
        (during, body) => this.write(during, body),
        (during, body) => this.guard(during, body),
      );
      this.audit = new SqliteAuditLog(
        this.db,
        (during, body) => this.write(during, body),
        (during, body) => this.guard(during, body),
      );
    } catch (err) {
      this.db.close();
      throw toStoreError(err, 'prepare', options.file);
    }
  }

  /** The connection, for diagnostics and tests (pragmas, integrity checks); not for writes. */
  get database(): Database.Database {
    return this.db;
  }

  private guard<T>(during: string, body: () => T): T {
    if (this.closed) throw storeErrors.closed();
    try {
      return body();
    } catch (err) {
      throw toStoreError(err, during, this.location);
    }
  }

  private write<T>(during: string, body: () => T): T {
    return this.guard(during, () => this.db.transaction(body).immediate());
  }

  async schemaVersion(): Promise<number> {
    return this.guard('schema version', () => schemaVersionOf(this.db));
  }

  async checkIn(req: CheckInRequest): Promise<CheckInResult> {
    return this.write('check-in', () => {
      const card = req.patient.cardNumber ?? null;
      const existing = req.patient.idNumber
        ? this.s.activeVisitOf.get(req.date, req.department, req.patient.idNumber)
        : card
          ? this.s.activeVisitOfCard.get(req.date, req.department, card)
          : undefined;
      if (existing) return { visit: visitFromRow(existing), created: false };
      const laneSeq = this.nextSeq({
        day: req.date,
        stationId: req.stationId,
        department: req.department,
        lane: req.lane,
      });
      // Offline: the lane's counter still counts (its row is what the visit refers to), but the
      // number people see comes from the per-department offline counter.
      const offline = this.offlineNumber?.({
        day: req.date,
        stationId: req.stationId,
        department: req.department,
      });
      const seq = offline?.seq ?? laneSeq;
      const id = req.visitId ?? randomUUID();
      const insurance = storedInsurance(req.insurance);
      this.s.insertVisit.run({
        id,
        day: req.date,
        station_id: req.stationId,
        department: req.department,
        lane: req.lane,
        queue_seq: seq,
        queue_number:
          offline?.number ?? formatQueueNumber(req.stationId, req.department, req.lane, seq),
        patient_id_number: req.patient.idNumber || null,
        patient_name: req.patient.fullName,
        patient_dob: req.patient.dateOfBirth,
        patient_sex: req.patient.sex,
        identity_source: req.identitySource,
        passive_auth: req.chipVerification?.passiveAuthentication ?? null,
        chip_auth: req.chipVerification?.chipAuthentication ?? null,
        chip_auth_method: req.chipVerification?.chipAuthMethod ?? null,
        chip_accepted_by_staff: req.chipVerification?.acceptedByStaff ? 1 : 0,
        chip_accepted_by_name: req.chipVerification?.acceptedBy?.name ?? null,
        chip_accepted_by_id: req.chipVerification?.acceptedBy?.idNumber ?? null,
        chip_accepted_at: req.chipVerification?.acceptedAt ?? null,
        insurance_json: JSON.stringify(insurance),
        created_at: req.createdAt,
        offline: offline ? 1 : 0,
        patient_card_number: card,
        document: req.document ?? null,
        priority_json: req.priority ? JSON.stringify(req.priority) : null,
        ...faceColumns(req.faceVerification),
        guardian_name: req.guardianName ?? null,
      });
      if (req.recheck) {
        this.s.insertRecheck.run(id, JSON.stringify(req.recheck), req.createdAt, req.createdAt);
      }
      return { visit: visitFromRow(this.s.visitById.get(id)!), created: true };
    });
  }

  async completeTicket(visitId: string, req: CheckInRequest): Promise<Visit | null> {
    return this.write('complete ticket', () => {
      const changed = this.db
        .prepare(
          `UPDATE visits SET patient_id_number = @id_number, patient_name = @name,
             patient_dob = @dob, patient_sex = @sex, patient_card_number = @card,
             identity_source = @source, document = @document, priority_json = @priority,
             guardian_name = @guardian, insurance_json = @insurance
           WHERE id = @visit AND status = 'active' AND patient_id_number IS NULL
             AND patient_card_number IS NULL AND COALESCE(patient_name, '') = ''`,
        )
        .run({
          visit: visitId,
          id_number: req.patient.idNumber || null,
          name: req.patient.fullName,
          dob: req.patient.dateOfBirth,
          sex: req.patient.sex,
          card: req.patient.cardNumber ?? null,
          source: req.identitySource,
          document: req.document ?? null,
          priority: req.priority ? JSON.stringify(req.priority) : null,
          guardian: req.guardianName ?? null,
          insurance: JSON.stringify(storedInsurance(req.insurance)),
        }).changes;
      if (changed === 0) return null;
      if (req.recheck) {
        this.s.insertRecheck.run(
          visitId,
          JSON.stringify(req.recheck),
          req.createdAt,
          req.createdAt,
        );
      }
      return visitFromRow(this.s.visitById.get(visitId)!);
    });
  }

  async sendTicketOn(visitId: string, move: TicketMove): Promise<Visit | null> {
    return this.write('send ticket on', () => {
      const row = this.db
        .prepare<[string, string], VisitRow>(
          `SELECT * FROM visits WHERE id = ? AND status = 'active' AND department = ?
             AND progress = 'waiting' AND COALESCE(patient_name, '') <> ''`,
        )
        .get(visitId, move.from);
      if (!row) return null;
      // A place in the new lane's counter (its number is never printed: the visit keeps the one
      // on the patient's slip); past any offline number of that lane already there. Offline,
      // check-ins take their place from the department's offline counter (checkIn), so the
      // ticket takes its place there too, or a later offline check-in would take the same one.
      const key = { day: row.day, stationId: row.station_id, ...move };
      const taken = this.db.prepare<[string, string, string, string, number]>(
        `SELECT 1 FROM visits WHERE day = ? AND station_id = ? AND department = ? AND lane = ?
           AND queue_seq = ?`,
      );
      const place = () => {
        const laneSeq = this.nextSeq(key);
        return this.offlineNumber?.(key).seq ?? laneSeq;
      };
      let seq = place();
      while (taken.get(key.day, key.stationId, key.department, key.lane, seq)) seq = place();
      this.db
        .prepare('UPDATE visits SET department = ?, lane = ?, queue_seq = ? WHERE id = ?')
        .run(move.department, move.lane, seq, visitId);
      return visitFromRow(this.s.visitById.get(visitId)!);
    });
  }

  async getVisit(id: string): Promise<Visit | null> {
    return this.guard('read visit', () => {
      const row = this.s.visitById.get(id);
      return row ? visitFromRow(row) : null;
    });
  }

  async listVisits(q: VisitQuery): Promise<Visit[]> {
    return this.guard('list visits', () => {
      const where = ['day = ?'];
      const args: string[] = [q.date];
      if (q.department) {
        where.push('department = ?');
        args.push(q.department);
      }
      if (!q.includeCancelled) where.push("status = 'active'");
      const rows = this.db
        .prepare<string[], VisitRow>(
          `SELECT * FROM visits WHERE ${where.join(' AND ')} ORDER BY created_at, queue_number`,
        )
        .all(...args);
      return rows.map(visitFromRow);
    });
  }

  async visitsOfPerson(date: string, idNumber: string): Promise<Visit[]> {
    return this.guard('read visits', () =>
      this.s.visitsOfPerson.all(date, idNumber).map(visitFromRow),
    );
  }

  async cancelVisit(id: string, reason: string, at: string): Promise<Visit | null> {
    return this.write('cancel visit', () => {
      const cancelled = this.s.cancelVisit.run(reason, id).changes === 1;
      this.s.deleteRechecksOfVisit.run(id);
      const row = this.s.visitById.get(id);
      if (cancelled && row) this.calling.recordCancel(row, this.printRun.station, at);
      return row ? visitFromRow(row) : null;
    });
  }

  async recordPrint(
    id: string,
    status: PrintStatus,
    error: KioskErrorShape | null,
    at: string,
  ): Promise<Visit | null> {
    return this.write('record print', () => {
      const printedAt = status === 'printed' ? at : null;
      const owner = status === 'printing' ? this.printRun : null;
      this.s.recordPrint.run(
        status,
        error ? JSON.stringify(error) : null,
        printedAt,
        owner?.station ?? null,
        owner?.run ?? null,
        id,
      );
      const row = this.s.visitById.get(id);
      return row ? visitFromRow(row) : null;
    });
  }

  async failInterruptedPrints(error: KioskErrorShape): Promise<number> {
    return this.write('fail interrupted prints', () => {
      const interrupted = this.s.printingVisits
        .all()
        .filter((v) =>
          isInterruptedPrint(
            { station: v.print_station, run: v.print_run },
            this.printRun,
            pidAlive,
          ),
        );
      for (const v of interrupted) this.s.failPrint.run(JSON.stringify(error), v.id);
      return interrupted.length;
    });
  }

  async saveIdentity(identity: CardIdentity, readAt: string): Promise<void> {
    this.write('cache identity', () => {
      this.s.saveIdentity.run(identity.idNumber, JSON.stringify(identity), readAt);
    });
  }

  async getIdentity(idNumber: string): Promise<CachedIdentity | null> {
    return this.guard('read identity cache', () => {
      const row = this.s.getIdentity.get(idNumber);
      return row ? { identity: identityFromJson(row.identity_json), readAt: row.read_at } : null;
    });
  }

  async saveLookup(idNumber: string, result: InsuranceResult, fetchedAt: string): Promise<void> {
    this.write('cache lookup', () => {
      this.s.saveLookup.run(idNumber, JSON.stringify(storedResult(result)), fetchedAt);
    });
  }

  async rememberPatient(keys: string[], patient: KnownPatient, seenAt: string): Promise<void> {
    this.write('remember patient', () => {
      for (const key of keys) {
        this.s.rememberPatient.run(key, JSON.stringify(patient), patient.source, seenAt);
      }
    });
  }

  async findPatient(key: string): Promise<{ patient: KnownPatient; seenAt: string } | null> {
    return this.guard('find patient', () => {
      const row = this.s.findPatient.get(key);
      return row
        ? { patient: JSON.parse(row.person_json) as KnownPatient, seenAt: row.seen_at }
        : null;
    });
  }

  async getLookup(idNumber: string): Promise<CachedLookup | null> {
    return this.guard('read lookup cache', () => {
      const row = this.s.getLookup.get(idNumber);
      return row
        ? { result: JSON.parse(row.result_json) as InsuranceResult, fetchedAt: row.fetched_at }
        : null;
    });
  }

  async claimRechecks(o: {
    now: string;
    leaseUntil: string;
    limit: number;
    ignoreSchedule?: boolean;
  }): Promise<RecheckItem[]> {
    return this.write('claim re-checks', () => {
      const rows = o.ignoreSchedule
        ? this.s.anyRechecks.all(o.limit)
        : this.s.dueRechecks.all(o.now, o.limit);
      for (const row of rows) this.s.leaseRecheck.run(o.leaseUntil, row.id);
      return rows.map(recheckFromRow);
    });
  }

  async deferRecheck(id: number, nextAttemptAt: string, error: string): Promise<void> {
    this.write('defer re-check', () => {
      this.s.deferRecheck.run(nextAttemptAt, error, id);
    });
  }

  async dropRecheck(id: number): Promise<void> {
    this.write('drop re-check', () => {
      this.s.deleteRecheck.run(id);
    });
  }

  async applyRecheck(a: RecheckApplication): Promise<RecheckApplied> {
    return this.write('apply recheck', () => {
      const item = this.s.recheckById.get(a.recheckId);
      if (!item) return { visit: null, discrepancy: null };
      this.s.deleteRecheck.run(a.recheckId);
      const row = this.s.visitById.get(item.visit_id);
      if (!row) return { visit: null, discrepancy: null };
      if (row.patient_id_number) {
        this.s.saveLookup.run(row.patient_id_number, JSON.stringify(storedResult(a.result)), a.at);
      }
      if (a.visitInsurance) {
        this.s.setVisitInsurance.run(JSON.stringify(storedInsurance(a.visitInsurance)), row.id);
      }
      let discrepancy: Discrepancy | null = null;
      if (a.discrepancy) {
        const id = randomUUID();
        this.s.insertDiscrepancy.run(
          id,
          row.id,
          JSON.stringify(a.discrepancy.usedAtCheckin),
          JSON.stringify(a.discrepancy.recheck),
          a.at,
        );
        this.s.flagVisit.run(1, row.id);
        discrepancy = discrepancyFromRow(this.s.discrepancyById.get(id)!);
      }
      return { visit: visitFromRow(this.s.visitById.get(row.id)!), discrepancy };
    });
  }

  async pendingRechecks(): Promise<number> {
    return this.guard('count re-checks', () => this.s.countRechecks.get()!.n);
  }

  async discrepancies(options: { includeResolved?: boolean } = {}): Promise<Discrepancy[]> {
    return this.guard('list discrepancies', () =>
      (options.includeResolved ? this.s.allDiscrepancies : this.s.openDiscrepancies)
        .all()
        .map(discrepancyFromRow),
    );
  }

  async resolveDiscrepancy(id: string, at: string): Promise<boolean> {
    return this.write('resolve discrepancy', () => {
      const row = this.s.discrepancyById.get(id);
      if (!row) return false;
      this.s.resolveDiscrepancy.run(at, id);
      const open = this.s.openDiscrepanciesOfVisit.get(row.visit_id)!.n;
      this.s.flagVisit.run(open > 0 ? 1 : 0, row.visit_id);
      return true;
    });
  }

  // Calling patients in (./sqlite-calling.ts); Promise-returning like the rest of the contract.
  async callNext(req: CallNextRequest): Promise<Visit | null> {
    return this.write('call next', () => this.calling.callNext(req));
  }

  async roomAction(req: RoomActionRequest): Promise<RoomActionResult> {
    return this.write('room action', () => this.calling.roomAction(req));
  }

  async recentCalls(q: {
    date: string;
    rooms: readonly string[];
    limit: number;
  }): Promise<RecentCall[]> {
    return this.guard('recent calls', () => this.calling.recentCalls(q));
  }

  async progressChanges(visitId: string): Promise<VisitProgressChange[]> {
    return this.guard('progress changes', () => this.calling.progressChanges(visitId));
  }

  async waitingCounts(
    date: string,
    departments: readonly string[],
  ): Promise<Record<string, number>> {
    return this.guard('waiting counts', () => this.calling.waitingCounts(date, departments));
  }

  async purge(req: PurgeRequest): Promise<PurgeReport> {
    const report = this.write('purge', () => {
      const old = this.db
        .prepare<[string], { id: string; insurance_json: string }>(
          'SELECT id, insurance_json FROM visits WHERE day < ? AND anonymised_at IS NULL',
        )
        .all(req.visitsBefore);
      const anonymise = this.db.prepare<[string, string, string]>(
        `UPDATE visits SET patient_id_number = NULL, patient_name = NULL, patient_dob = NULL,
           patient_sex = NULL, patient_card_number = NULL, guardian_name = NULL,
           cancelled_reason = NULL, flagged = 0, insurance_json = ?,
           anonymised_at = ?
         WHERE id = ?`,
      );
      for (const v of old) {
        const insurance = anonymisedInsurance(JSON.parse(v.insurance_json));
        anonymise.run(JSON.stringify(insurance), req.at, v.id);
      }
      const oldVisits = 'SELECT id FROM visits WHERE day < ?';
      return {
        visitsAnonymised: old.length,
        rechecksDeleted: this.db
          .prepare(`DELETE FROM recheck_queue WHERE visit_id IN (${oldVisits})`)
          .run(req.visitsBefore).changes,
        discrepanciesDeleted: this.db
          .prepare(`DELETE FROM discrepancies WHERE visit_id IN (${oldVisits})`)
          .run(req.visitsBefore).changes,
        identitiesDeleted: this.db
          .prepare('DELETE FROM identity_cache WHERE read_at < ?')
          .run(req.cacheBefore).changes,
        lookupsDeleted:
          this.db.prepare('DELETE FROM lookup_cache WHERE fetched_at < ?').run(req.cacheBefore)
            .changes +
          // Names and numbers of returning patients age out with the caches they came from.
          this.db.prepare('DELETE FROM patient_keys WHERE seen_at < ?').run(req.cacheBefore)
            .changes,
      };
    });
    // Old copies of the purged rows can sit in the WAL until a checkpoint; fold them in now.
    // Best effort: a reader in another process may keep part of the WAL alive a little longer.
    this.guard('checkpoint', () => this.db.pragma('wal_checkpoint(TRUNCATE)'));
    return report;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(options);
}
