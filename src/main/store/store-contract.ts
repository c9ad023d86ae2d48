/**
 * What the check-in flow needs from storage: visits with their queue numbers, the offline cache,
 * the re-check queue of lookups to repeat, discrepancies, and the privacy jobs. The SQLite
 * implementation (./sqlite) is the station's own database; a server-backed one (e.g. PostgreSQL
 * shared by all stations) implements the same interface without touching the check-in flow.
 *
 * Every method returns a Promise so that a server-backed engine fits behind the same interface;
 * the SQLite engine still runs each write as one synchronous transaction inside, so nothing of
 * its atomicity depends on the event loop.
 */
import type {
  ChipVerification,
  FaceVerification,
  CardIdentity,
  Discrepancy,
  IdentitySource,
  InsuranceQuery,
  InsuranceResult,
  IsoDate,
  IsoDateTime,
  KioskErrorShape,
  Lane,
  LawPriority,
  Patient,
  PresentedDocument,
  PrintStatus,
  RoomAction,
  Visit,
  VisitInsurance,
  VisitProgressChange,
} from '../../shared/domain';
import type { QueuePolicy } from '../domain/queue-policy';
import type { LookupEvidenceStore } from './evidence-contract';
import type { AuditStore } from './audit-contract';
import type { HisOutboxStore } from './his-outbox-contract';

import type { CachedLookup } from '../domain/insurance-decision';
import type { RecheckApplication } from '../domain/recheck';
export type { CachedLookup, RecheckApplication };

export interface CheckInRequest {
  /** Local calendar day the check-in belongs to; queue numbers restart each day. */
  date: IsoDate;
  stationId: string;
  department: string;
  lane: Lane;
  patient: Patient;
  identitySource: IdentitySource;
  /** What the person showed (issue 21); absent: not recorded. */
  document?: PresentedDocument;
  /** The lane the law gave and why. */
  priority?: LawPriority | null;
  /** A child's guardian from the BHYT card QR (on every print of the slip). */
  guardianName?: string | null;
  /** From the chip read; absent or null for typed data. */
  chipVerification?: ChipVerification | null;
  /** The face check's decision; absent or null for typed data. */
  faceVerification?: FaceVerification | null;
  insurance: VisitInsurance;
  createdAt: IsoDateTime;
  /**
   * The lookup to repeat once the service answers (decided offline, from the cache, or pending).
   * Written to the re-check queue in the same transaction as the visit; null when nothing to
   * repeat.
   */
  recheck: InsuranceQuery | null;
  /**
   * The new visit's id when the caller chooses it (default: a fresh one). The hospital store
   * gives the server and its offline fallback the same id, so that a check-in the server
   * committed but whose answer was lost is recognised when the offline visit goes up.
   */
  visitId?: string;
}

/** Where a completed desk ticket goes: from the reception desk's queue to a department's lane. */
export interface TicketMove {
  from: string;
  department: string;
  lane: Lane;
}

export interface CheckInResult {
  visit: Visit;
  /** false: the person already had an active visit for this department today (reprint it). */
  created: boolean;
}

export interface VisitQuery {
  date: IsoDate;
  department?: string;
  includeCancelled?: boolean;
}

export interface CachedIdentity {
  identity: CardIdentity;
  readAt: IsoDateTime;
}

/**
 * A person the station has seen before, found again by CCCD, BHYT code or social-insurance
 * number (issue 21). Only a verified chip (`chip`) or an answer of the insurance service that
 * confirmed the card with this name and date of birth (`gateway`) puts one here: a QR or a typed
 * number alone is never remembered as who someone is.
 */
export interface KnownPatient {
  idNumber: string | null;
  cardNumber: string | null;
  socialInsuranceNumber: string | null;
  fullName: string;
  dateOfBirth: string | null;
  sex: Patient['sex'];
  source: 'chip' | 'gateway';
}

export interface RecheckItem {
  id: number;
  visitId: string;
  query: InsuranceQuery;
  attempts: number;
  nextAttemptAt: IsoDateTime;
  lastError: string | null;
  createdAt: IsoDateTime;
}

export interface RecheckApplied {
  /** The visit after the change; null when it no longer exists (purged) or the item was gone. */
  visit: Visit | null;
  discrepancy: Discrepancy | null;
}

export interface PurgeRequest {
  /** Visits of days before this one lose their personal data. */
  visitsBefore: IsoDate;
  /** Cache entries fetched before this time are deleted. */
  cacheBefore: IsoDateTime;
  at: IsoDateTime;
}

export interface PurgeReport {
  visitsAnonymised: number;
  identitiesDeleted: number;
  lookupsDeleted: number;
  rechecksDeleted: number;
  discrepanciesDeleted: number;
}

/**
 * When a call or room action happened: a time, or a clock the store reads inside its write
 * transaction, once the locks are held, so that the order of the recorded times is the order in
 * which the changes were made (a time read before waiting for the lock could be older than that
 * of a change that overtook it, and the board would list them out of order).
 */
export type ChangeTime = IsoDateTime | (() => IsoDateTime);

/** The time of a change, read now (inside the transaction). */
export function changeTimeNow(at: ChangeTime): IsoDateTime {
  return typeof at === 'function' ? at() : at;
}

export interface CallNextRequest {
  date: IsoDate;
  room: string;
  /** The departments whose waiting visits this room calls. */
  departments: readonly string[];
  stationId: string;
  at: ChangeTime;
  policy: QueuePolicy;
}

export interface RoomActionRequest {
  visitId: string;
  action: RoomAction;
  room: string;
  stationId: string;
  at: ChangeTime;
}

export interface RoomActionResult {
  visit: Visit;
  /** The number is to be said aloud (call again, recall). */
  announces: boolean;
}

export interface RecentCall {
  visit: Visit;
  room: string;
  at: IsoDateTime;
}

export interface KioskStore {
  /** e.g. "sqlite" */
  readonly kind: string;
  /** Where the data lives (a file path for SQLite), for `doctor` and messages. */
  readonly location: string;
  schemaVersion(): Promise<number>;
  /** The hand-off of visits to the hospital's HIS (issue 14). */
  readonly hisOutbox: HisOutboxStore;
  /** Evidence of insurance lookups that failed at check-in (QĐ 2555/QĐ-BYT). */
  readonly lookupEvidence: LookupEvidenceStore;
  /** The append-only audit trail of staff actions (issue 22). */
  readonly audit: AuditStore;

  /**
   * Creates the visit and allocates its queue number atomically, or returns the person's active
   * visit for the same department and day. Throws a STORE_* KioskError; nothing is half-written.
   */
  checkIn(request: CheckInRequest): Promise<CheckInResult>;
  getVisit(id: string): Promise<Visit | null>;
  listVisits(query: VisitQuery): Promise<Visit[]>;
  /** Active visits of one person on one day. */
  visitsOfPerson(date: IsoDate, idNumber: string): Promise<Visit[]>;
  /**
   * Fills in who a reception-desk ticket is (issue 21: "no documents" or an unknown number) and
   * how they pay, keeping its queue number. Only an active ticket nobody has been put on yet;
   * null otherwise. `request` carries the person, identity source, document, insurance and re-check.
   */
  completeTicket(visitId: string, request: CheckInRequest): Promise<Visit | null>;
  /**
   * Sends a completed reception-desk ticket on to a clinic department (issue 21): the visit's
   * department and lane change, its id, queue number and check-in time stay, so the new
   * department's calling queue takes it in check-in order in its lane. Only an active visit still
   * in `move.from`, waiting (not yet called) and with a person on it; null otherwise.
   */
  sendTicketOn(visitId: string, move: TicketMove): Promise<Visit | null>;
  /** null when no such visit. Cancelling also drops its pending recheck. */
  cancelVisit(id: string, reason: string, at: IsoDateTime): Promise<Visit | null>;
  recordPrint(
    id: string,
    status: PrintStatus,
    error: KioskErrorShape | null,
    at: IsoDateTime,
  ): Promise<Visit | null>;
  /**
   * Visits left "printing" by a crash or power cut become "failed" with `error`, so that the
   * desk offers a reprint instead of showing a print that will never finish. Only prints this
   * station owns whose process run is gone (see ./print-owner.ts): the CLI beside the app and
   * other stations on a shared server keep theirs. `recordPrint(…, 'printing', …)` records the
   * store's station and run as the owner. Returns how many.
   */
  failInterruptedPrints(error: KioskErrorShape): Promise<number>;

  saveIdentity(identity: CardIdentity, readAt: IsoDateTime): Promise<void>;
  getIdentity(idNumber: string): Promise<CachedIdentity | null>;
  saveLookup(idNumber: string, result: InsuranceResult, fetchedAt: IsoDateTime): Promise<void>;
  getLookup(idNumber: string): Promise<CachedLookup | null>;
  /** Remembers `patient` under each of `keys` (see ../domain/patient-keys.ts). */
  rememberPatient(keys: string[], patient: KnownPatient, seenAt: IsoDateTime): Promise<void>;
  findPatient(key: string): Promise<{ patient: KnownPatient; seenAt: IsoDateTime } | null>;

  /**
   * Queued re-checks due at `now` (all of them with `ignoreSchedule`), leased until `leaseUntil` so
   * that a second worker or a restart does not repeat them meanwhile.
   */
  claimRechecks(options: {
    now: IsoDateTime;
    leaseUntil: IsoDateTime;
    limit: number;
    ignoreSchedule?: boolean;
  }): Promise<RecheckItem[]>;
  deferRecheck(id: number, nextAttemptAt: IsoDateTime, error: string): Promise<void>;
  /** Gives up on an item that can never succeed (the query itself is refused). */
  dropRecheck(id: number): Promise<void>;
  applyRecheck(application: RecheckApplication): Promise<RecheckApplied>;
  pendingRechecks(): Promise<number>;
  discrepancies(options?: { includeResolved?: boolean }): Promise<Discrepancy[]>;
  /** false when no such discrepancy. Clears the visit's flag once none of its are open. */
  resolveDiscrepancy(id: string, at: IsoDateTime): Promise<boolean>;

  /**
   * Calling patients in. `callNext` picks the next waiting visit of the room's departments by the
   * policy and marks it called, in one transaction: two rooms calling at the same instant never
   * get the same visit. null when nobody is waiting.
   */
  callNext(request: CallNextRequest): Promise<Visit | null>;
  /** Call again, skip, patient in, done, recall; QUEUE_TRANSITION_INVALID when not allowed. */
  roomAction(request: RoomActionRequest): Promise<RoomActionResult>;
  /** The latest calls (call again included) by these rooms on one day, newest first. */
  recentCalls(query: {
    date: IsoDate;
    rooms: readonly string[];
    limit: number;
  }): Promise<RecentCall[]>;
  /** Waiting visits per department on one day. */
  waitingCounts(date: IsoDate, departments: readonly string[]): Promise<Record<string, number>>;
  /**
   * The visit's recorded progress changes (calls, room actions, its cancellation), oldest first;
   * [] when none. The HIS hand-off sends them as the Encounter's status history.
   */
  progressChanges(visitId: string): Promise<VisitProgressChange[]>;

  purge(request: PurgeRequest): Promise<PurgeReport>;
  close(): Promise<void>;
}
