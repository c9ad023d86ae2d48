/**
 * What the HIS hand-off needs from storage: for each visit, which state of it the HIS should
 * have and which it has, when to try again, and what a refusal said. Promise-returning so that
 * a server-backed engine implements it the same way.
 */
import type { HisRefusal, IsoDateTime } from '../../shared/domain';

export type { HisRefusal } from '../../shared/domain';

export type HisDeliveryState = 'pending' | 'sent' | 'refused';

export interface HisOutboxItem {
  visitId: string;
  state: HisDeliveryState;
  /** Hash of the bundle the HIS should have (the visit as it is now). */
  bundleHash: string;
  /** Hash of the last bundle the HIS accepted; null before the first. */
  sentHash: string | null;
  attempts: number;
  nextAttemptAt: IsoDateTime;
  /** HTTP status of the last answer (null: no answer, e.g. timeout). */
  lastStatus: number | null;
  /** The OperationOutcome text or transport error of the last failure. */
  lastError: string | null;
  appointmentId: string | null;
  updatedAt: IsoDateTime;
  sentAt: IsoDateTime | null;
}

export interface HisOutboxCounts {
  /** Not yet accepted by the HIS (includes items between attempts). */
  waiting: number;
  refused: number;
  sent: number;
}

export interface HisOutboxStore {
  /**
   * Records that each visit's current state hashes to `bundleHash`. A visit seen for the first
   * time, or changed since the HIS accepted it, becomes pending (due now); an unchanged one is
   * left alone (a refused one stays refused until staff resend it). Returns how many became due.
   */
  track(entries: { visitId: string; bundleHash: string }[], at: IsoDateTime): Promise<number>;
  /** Remembers the HIS Appointment a visit was booked under (sent in its Encounter). */
  linkAppointment(visitId: string, appointmentId: string, at: IsoDateTime): Promise<void>;
  /** Due pending items, leased until `leaseUntil`; `visitId` picks one regardless of schedule. */
  claim(options: {
    now: IsoDateTime;
    leaseUntil: IsoDateTime;
    limit: number;
    visitId?: string;
  }): Promise<HisOutboxItem[]>;
  /**
   * The HIS accepted the bundle with hash `sentHash`. The item becomes sent, unless the visit
   * changed meanwhile (then it stays pending, due now).
   */
  markSent(visitId: string, sentHash: string, status: number, at: IsoDateTime): Promise<void>;
  markDeferred(
    visitId: string,
    nextAttemptAt: IsoDateTime,
    status: number | null,
    error: string,
    at: IsoDateTime,
  ): Promise<void>;
  markRefused(visitId: string, status: number, text: string, at: IsoDateTime): Promise<void>;
  /** Staff: send this visit again (refused or not). false when the visit is not tracked. */
  resend(visitId: string, at: IsoDateTime): Promise<boolean>;
  get(visitId: string): Promise<HisOutboxItem | null>;
  counts(): Promise<HisOutboxCounts>;
  refusals(): Promise<HisRefusal[]>;
}
