/**
 * Whether a chip read may check a person in without staff looking at the card. Positive
 * evidence against the card (a data group that does not match its signature, a chip that
 * cannot prove it holds its key: a copy) always goes to staff. A chip whose signature could
 * not be checked at all (no CSCA for it) goes to staff only when `reader.requireVerifiedChip`
 * is on — the default with real readers, where an unverifiable chip must not pass silently.
 */
import type { ChipVerification, PatientView } from '../../shared/domain';
import type { KioskError } from '../../shared/errors';
import { checkinErrors } from './checkin-errors';

export function chipTrustProblem(
  patient: PatientView,
  requireVerifiedChip: boolean,
): KioskError | null {
  if (patient.source !== 'chip') return null;
  const pa = patient.passiveAuthentication;
  const ca = patient.chipAuthentication;
  if (pa?.status === 'invalid') return checkinErrors.notGenuine(pa.failedCheck ?? 'invalid');
  if (ca?.status === 'failed') return checkinErrors.notGenuine(`chip-authentication-${ca.method}`);
  if (requireVerifiedChip && (!pa || pa.status === 'unverified')) {
    return checkinErrors.chipUnverified('passive-authentication-unverified');
  }
  return null;
}

/** What the visit keeps about the chip; null for typed data. */
export function chipVerificationOf(
  patient: PatientView,
  acceptedByStaff: boolean,
): ChipVerification | null {
  if (patient.source !== 'chip' || !patient.passiveAuthentication) return null;
  return {
    passiveAuthentication: patient.passiveAuthentication.status,
    chipAuthentication: patient.chipAuthentication?.status ?? 'not-offered',
    chipAuthMethod: patient.chipAuthentication?.method ?? null,
    acceptedByStaff,
  };
}
