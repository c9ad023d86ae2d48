/**
 * The officer signed in at a desk for the shift, and the audit trail of staff actions. Of the
 * officer nothing is kept but the name, the ID number and the times (issue 22): no photo, no
 * other chip data, no insurance lookup of their own card.
 */
import type { IsoDate, IsoDateTime } from './common';
import type { CheckingOfficer } from './insurance';

/** How the officer signed in: their own CCCD chip (passively authenticated) or typed. */
export type OfficerSignInMethod = 'card' | 'typed';

export interface SignedInOfficer extends CheckingOfficer {
  method: OfficerSignInMethod;
  signedInAt: IsoDateTime;
  /** The last staff action; the session ends after staff.idleMinutes without one. */
  lastActivityAt: IsoDateTime;
}

/** Why a session ended. */
export type SignOutReason = 'signed-out' | 'idle' | 'end-of-day' | 'replaced';

/** Staff actions the audit trail records. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  'manual-identity',
  'override',
  'accept-unverified-chip',
  'cancel',
  'reprint',
  'his-resend',
  'discrepancy-resolved',
  'lane-changed',
  'sent-on',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the append-only audit trail. */
export interface AuditEntry {
  /** This database's row number (the station's file and the server number apart). */
  id: number;
  /**
   * Given once when the action is recorded and kept wherever the entry goes: an entry written on
   * a station's file while the hospital's server was away is uploaded by it, exactly once.
   */
  uid: string;
  at: IsoDateTime;
  /** The hospital day of `at` (exports select by day). */
  day: IsoDate;
  action: AuditAction;
  /** null when no officer was signed in (staff.signInRequired off). */
  officerName: string | null;
  officerIdNumber: string | null;
  stationId: string;
  visitId: string | null;
  /** What staff gave as the reason (a cancel's reason, an override's note). */
  reason: string | null;
  /** Codes only, never personal data: e.g. the override's decision, the lane, a sign-out cause. */
  detail: string | null;
}

/** What a caller gives; the trail adds the time, the day, the officer and the station. */
export interface AuditRecord {
  action: AuditAction;
  visitId?: string | null;
  reason?: string | null;
  detail?: string | null;
}
