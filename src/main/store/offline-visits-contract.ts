/**
 * Visits a station checked in on its own SQLite file while the hospital's PostgreSQL server could
 * not be reached, on their way up to the server (src/main/store/hospital). Each keeps its own id
 * and the number already printed on its slip; the server imports it exactly once, whatever is
 * retried or interrupted.
 */
import type { InsuranceQuery, IsoDateTime, Visit, VisitProgress } from '../../shared/domain';
import type { PrintOwner } from './print-owner';

export interface OfflineRecheck {
  query: InsuranceQuery;
  attempts: number;
  nextAttemptAt: IsoDateTime;
  lastError: string | null;
  createdAt: IsoDateTime;
}

/** Evidence of an insurance lookup that failed at the offline check-in (QĐ 2555), as stored. */
export interface OfflineEvidence {
  askedAt: IsoDateTime;
  queryJson: string;
  endpoint: string;
  failure: string;
  httpStatus: number | null;
  errorCode: string | null;
  durationMs: number;
  recheckAt: IsoDateTime | null;
  recheckCode: string | null;
  recheckOutcome: string | null;
}

/** A call or room action on an offline visit while offline (the board's recent calls). */
export interface OfflineProgressEvent {
  state: string;
  action: string;
  room: string;
  stationId: string;
  at: IsoDateTime;
}

export interface OfflineVisit {
  /** As the station holds it now: id, offline number, print state, progress, insurance. */
  visit: Visit;
  /** Columns the Visit value does not carry: when the slip printed, the calling order. */
  printedAt: IsoDateTime | null;
  /**
   * Who owns its print while it is "printing" (./print-owner.ts): kept on the server, so that
   * another station starting up leaves a slip that may still be coming out here alone.
   */
  printOwner: PrintOwner;
  firstCalledAt: IsoDateTime | null;
  calledRoom: string | null;
  /** The room queue's state as stored (a cancelled visit keeps where it had got to). */
  progressState: Exclude<VisitProgress, 'cancelled'>;
  /** The insurance re-checks still to repeat for it (its re-check rows). */
  rechecks: OfflineRecheck[];
  /** Its failed-lookup evidence, which goes up with it. */
  evidence: OfflineEvidence[];
  /** Its calls and room actions, oldest first. */
  progressEvents: OfflineProgressEvent[];
}

export interface OfflineImportReport {
  /** Inserted by this call. */
  imported: string[];
  /** Already on the server (an earlier upload committed them): nothing written again. */
  alreadyThere: string[];
  /**
   * Uploaded visits whose person also has an active visit checked in online for the same
   * department and day (the offline station could only see its own visits). Both are kept, for
   * staff to sort out; nothing is deleted.
   */
  alsoCheckedInOnline: string[];
}

/** What the server store offers the upload (PostgresStore). */
export interface OfflineVisitImporter {
  /**
   * Inserts each visit with its own id and number, with its re-checks, in one transaction; a
   * visit whose id is already there is skipped (idempotent: a second upload, or one repeated after
   * a crash mid-upload, never duplicates).
   */
  importOfflineVisits(visits: readonly OfflineVisit[]): Promise<OfflineImportReport>;
}
