/**
 * How the insurance for a check-in is decided, as pure functions of what the lookup gave, what
 * the cache holds and what staff chose:
 * - the service answered within the budget: use it (staff must look at re-enter, configuration
 *   and unknown answers);
 * - no answer (down, slow, "retry later"): the cached result, marked with when it was fetched;
 *   older than `cacheMaxAgeHours` it is stale and staff must confirm;
 * - no answer and nothing cached: "pending" — the person checks in and the re-check worker
 *   asks again.
 * Everything not answered online is re-checked later (`recheck`).
 */
import type {
  InsuranceResult,
  IsoDateTime,
  KioskErrorShape,
  StaffOverride,
  VisitInsurance,
} from '../../shared/domain';
import { hospitalDay } from '../../shared/hospital-day';
import { checkinErrors } from './checkin-errors';

/** An answer of the lookup service kept for a person, with when it was fetched. */
export interface CachedLookup {
  result: InsuranceResult;
  fetchedAt: IsoDateTime;
}

export type LookupAttempt =
  | { kind: 'answered'; result: InsuranceResult }
  | { kind: 'no-answer'; error: KioskErrorShape }
  | { kind: 'disabled' };

export interface InsuranceDecision {
  insurance: VisitInsurance;
  needsStaff: KioskErrorShape | null;
  /** Ask the service again later (the re-check queue). */
  recheck: boolean;
}

/** Errors that mean "this station is set up wrong", not "the service is away". */
const CONFIGURATION_ERRORS = new Set([
  'INSURANCE_AUTH',
  'INSURANCE_CONFIG',
  'INSURANCE_INVALID_QUERY',
]);

export function isConfigurationError(code: string): boolean {
  return CONFIGURATION_ERRORS.has(code);
}

/** An answer the check-in can go on with; "retry later" is the service saying it has none. */
export function isUsableAnswer(result: InsuranceResult): boolean {
  return result.outcome !== 'retry-later';
}

function staffNeededFor(result: InsuranceResult): KioskErrorShape | null {
  switch (result.outcome) {
    case 're-enter':
      return checkinErrors.reEnter(result.code).toShape();
    case 'configuration-error':
      // 054/055 are about the officer who asked, never about the patient's card.
      if (result.code === '054') return checkinErrors.officerNotRegistered().toShape();
      if (result.code === '055') return checkinErrors.officerNameMismatch().toShape();
      return checkinErrors.insuranceConfig(`code ${result.code}`).toShape();
    case 'unknown-code':
      return checkinErrors.unknownCode(result.code).toShape();
    default:
      return null;
  }
}

export function cacheIsFresh(fetchedAt: string, now: Date, maxAgeHours: number): boolean {
  const age = now.getTime() - new Date(fetchedAt).getTime();
  return Number.isFinite(age) && age <= maxAgeHours * 3_600_000;
}

/**
 * The last day of the card the cached answer let the person use, when that day is already past:
 * the answer said "valid" on the day it was fetched, not today. Null when it still covers today
 * (or says nothing about dates, or did not allow insurance anyway).
 */
export function cachedCardEnded(
  result: InsuranceResult,
  now: Date,
  timeZone: string,
): string | null {
  if (!result.mayUseInsurance) return null;
  const validTo =
    result.outcome === 'replaced-card' && result.replacement?.validTo
      ? result.replacement.validTo
      : (result.card?.validTo ?? null);
  return validTo && validTo < hospitalDay(now, timeZone) ? validTo : null;
}

function fromCache(cached: CachedLookup, stale: boolean, note: string | null): VisitInsurance {
  return { source: 'cache', result: cached.result, cachedAt: cached.fetchedAt, stale, note };
}

const NONE = { cachedAt: null, stale: false, note: null } as const;

export function decideInsurance(input: {
  attempt: LookupAttempt;
  cached: CachedLookup | null;
  now: Date;
  /** The hospital's zone: a card is judged against the hospital's today. */
  timeZone: string;
  cacheMaxAgeHours: number;
}): InsuranceDecision {
  const { attempt, cached } = input;
  if (attempt.kind === 'disabled') {
    return {
      insurance: { source: 'disabled', result: null, ...NONE },
      needsStaff: null,
      recheck: false,
    };
  }
  if (attempt.kind === 'answered' && isUsableAnswer(attempt.result)) {
    return {
      insurance: { source: 'online', result: attempt.result, ...NONE },
      needsStaff: staffNeededFor(attempt.result),
      recheck: false,
    };
  }
  const configProblem =
    attempt.kind === 'no-answer' && isConfigurationError(attempt.error.code)
      ? checkinErrors.insuranceConfig(attempt.error.code).toShape()
      : null;
  if (cached) {
    const fresh = cacheIsFresh(cached.fetchedAt, input.now, input.cacheMaxAgeHours);
    // A young cache entry can still be out of date: the card it called valid may have ended since.
    const ended = cachedCardEnded(cached.result, input.now, input.timeZone);
    const outdated = ended
      ? checkinErrors.cachedCardEnded(ended).toShape()
      : fresh
        ? null
        : checkinErrors.staleCache(cached.fetchedAt).toShape();
    return {
      insurance: fromCache(cached, !fresh || ended !== null, null),
      // The same answers that need staff online need staff when they come from the cache.
      needsStaff: configProblem ?? staffNeededFor(cached.result) ?? outdated,
      recheck: true,
    };
  }
  return {
    insurance: { source: 'pending', result: null, ...NONE },
    needsStaff: configProblem,
    recheck: true,
  };
}

/**
 * Staff's decision replaces the automatic one and clears the need for staff. `current` is what
 * the screen shows now; `cached` is the person's cached lookup (for "use cached").
 */
export function applyOverride(input: {
  decision: StaffOverride;
  note: string | null;
  current: VisitInsurance;
  cached: CachedLookup | null;
  now: Date;
  cacheMaxAgeHours: number;
}): InsuranceDecision {
  const { decision, note, current } = input;
  switch (decision) {
    case 'self-pay':
      return {
        insurance: { source: 'self-pay', result: null, cachedAt: null, stale: false, note },
        needsStaff: null,
        recheck: false,
      };
    case 'insurance-pending':
      return {
        insurance: { source: 'pending', result: null, cachedAt: null, stale: false, note },
        needsStaff: null,
        recheck: true,
      };
    case 'use-cached': {
      if (!input.cached) throw checkinErrors.noCache();
      const fresh = cacheIsFresh(input.cached.fetchedAt, input.now, input.cacheMaxAgeHours);
      return { insurance: fromCache(input.cached, !fresh, note), needsStaff: null, recheck: true };
    }
    case 'accept-insurance':
      return {
        insurance: {
          source: 'staff-override',
          result: current.result,
          cachedAt: current.cachedAt,
          stale: current.stale,
          note,
        },
        needsStaff: null,
        // What the service said online stands; anything else is asked again.
        recheck: current.source !== 'online',
      };
  }
}
