/**
 * Whether chip data may be acted on. Data read from a chip is untrusted until the chip proves it:
 * passive authentication `valid` (the data was signed by a CSCA we trust) and chip/active
 * authentication `genuine` (the chip holds the key of the signed public key: not a copy). What a
 * configuration may relax: `reader.requireVerifiedChip: false` lets an `unverified` signature
 * (no CSCA for it) through, `reader.requireChipAuthentication: false` (the default) lets a chip
 * that offers no chip authentication through. Positive evidence against the card (data that does
 * not match its signature, a chip that fails to prove its key) is never relaxed. Otherwise only a
 * staff member at the desk makes the data trusted, and the visit records who did.
 *
 * The check-in asks this verdict BEFORE it caches the identity, asks the national lookup, looks
 * for an HIS booking or shows the person anything but "please see the desk".
 */
import type { ChipVerification, PatientView } from '../../shared/domain';
import type { KioskError } from '../../shared/errors';
import { checkinErrors } from './checkin-errors';

/** What the configuration relaxes (reader section). */
export interface ChipTrustPolicy {
  requireVerifiedChip: boolean;
  requireChipAuthentication: boolean;
}

/** The staff member who accepted a chip the checks did not: name and ID number. */
export interface ChipAcceptor {
  name: string;
  /** 12-digit CCCD number of the officer; null when only the station is known. */
  idNumber: string | null;
}

export interface ChipAcceptance {
  by: ChipAcceptor;
  at: string;
}

export type ChipTrustVerdict =
  { trusted: true; acceptance: ChipAcceptance | null } | { trusted: false; problem: KioskError };

/** Why the chip's own checks do not make its data trusted, or null when they do. */
export function chipTrustProblem(patient: PatientView, policy: ChipTrustPolicy): KioskError | null {
  if (patient.source !== 'chip') return null;
  const pa = patient.passiveAuthentication;
  const ca = patient.chipAuthentication;
  if (!pa) return checkinErrors.chipUnverified('passive-authentication-missing');
  if (pa.status === 'invalid') return checkinErrors.notGenuine(pa.failedCheck ?? 'invalid');
  if (ca?.status === 'failed') return checkinErrors.notGenuine(`chip-authentication-${ca.method}`);
  if (pa.status === 'unverified' && policy.requireVerifiedChip) {
    return checkinErrors.chipUnverified('passive-authentication-unverified');
  }
  if ((!ca || ca.status === 'not-offered') && policy.requireChipAuthentication) {
    return checkinErrors.notGenuine('chip-authentication-not-offered');
  }
  return null;
}

/**
 * The verdict that gates every action on chip data: trusted by its own checks, trusted because
 * staff accepted it, or untrusted with the reason staff are shown.
 */
export function chipTrustVerdict(
  patient: PatientView,
  policy: ChipTrustPolicy,
  acceptance: ChipAcceptance | null,
): ChipTrustVerdict {
  const problem = chipTrustProblem(patient, policy);
  if (!problem) return { trusted: true, acceptance: null };
  if (acceptance) return { trusted: true, acceptance };
  return { trusted: false, problem };
}

/**
 * Who accepts a chip: the officer the desk names, else the configured checking officer, else
 * the station itself. One place, so that a signed-in desk officer (issue 22) plugs in here.
 */
export function chipAcceptor(
  requested: { name: string; idNumber: string } | null | undefined,
  configured: { name: string; idNumber: string } | null,
  stationId: string,
): ChipAcceptor {
  if (requested) return { name: requested.name.trim(), idNumber: requested.idNumber };
  if (configured) return { name: configured.name, idNumber: configured.idNumber };
  return { name: `station ${stationId}`, idNumber: null };
}

/** What the visit keeps about the chip; null for typed data. */
export function chipVerificationOf(
  patient: PatientView,
  acceptance: ChipAcceptance | null,
): ChipVerification | null {
  if (patient.source !== 'chip' || !patient.passiveAuthentication) return null;
  return {
    passiveAuthentication: patient.passiveAuthentication.status,
    chipAuthentication: patient.chipAuthentication?.status ?? 'not-offered',
    chipAuthMethod: patient.chipAuthentication?.method ?? null,
    acceptedByStaff: acceptance !== null,
    acceptedBy: acceptance?.by ?? null,
    acceptedAt: acceptance?.at ?? null,
  };
}
