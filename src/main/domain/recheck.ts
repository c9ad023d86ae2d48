/**
 * What a late answer from the re-check queue means for the visit it belongs to:
 * - the visit had no result (pending, or staff accepted without one): the answer fills it in;
 *   if it says insurance may not be used, staff are told (the person was let through on the
 *   assumption it would be);
 * - the visit used a result (cache, staff decision on a result): an answer whose outcome or
 *   "may use insurance" differs is a discrepancy for staff; the visit keeps the record of what
 *   was used.
 * Nothing for cancelled or purged visits.
 */
import type {
  Discrepancy,
  InsuranceResult,
  IsoDateTime,
  Visit,
  VisitInsurance,
} from '../../shared/domain';

/** What one re-check answer changes, applied by the store in one transaction. */
export interface RecheckApplication {
  recheckId: number;
  at: IsoDateTime;
  /** The answer, cached for the person (also when nothing else changes). */
  result: InsuranceResult;
  /** A pending decision filled in with the answer; null leaves the visit's insurance as it was. */
  visitInsurance: VisitInsurance | null;
  /** Set when the answer disagrees with what was used at check-in: the visit gets flagged. */
  discrepancy: Pick<Discrepancy, 'usedAtCheckin' | 'recheck'> | null;
}

export type RecheckEffect = Pick<RecheckApplication, 'visitInsurance' | 'discrepancy'>;

export function assessRecheck(visit: Visit | null, result: InsuranceResult): RecheckEffect {
  if (!visit || visit.status !== 'active' || visit.patient.idNumber === '') {
    return { visitInsurance: null, discrepancy: null };
  }
  const used = visit.insurance;
  const recheck = { code: result.code, outcome: result.outcome, checkedAt: result.checkedAt };
  if (!used.result) {
    const filled: VisitInsurance = {
      source: used.source === 'pending' ? 'online' : used.source,
      result,
      cachedAt: null,
      stale: false,
      note: used.note,
    };
    return {
      visitInsurance: filled,
      discrepancy: result.mayUseInsurance
        ? null
        : { usedAtCheckin: { code: null, outcome: null, source: used.source }, recheck },
    };
  }
  const differs =
    used.result.outcome !== result.outcome ||
    used.result.mayUseInsurance !== result.mayUseInsurance;
  return {
    visitInsurance: null,
    discrepancy: differs
      ? {
          usedAtCheckin: {
            code: used.result.code,
            outcome: used.result.outcome,
            source: used.source,
          },
          recheck,
        }
      : null,
  };
}
