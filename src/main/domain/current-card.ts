/**
 * The BHYT card a visit goes on: the answer's own code, or for 003/004 (a new card issued) the
 * new one once it has started on the hospital's day. Before its first day the old card is the
 * one in force (004: still valid); a new card with no start date is taken as started.
 */
import type { InsuranceResult, IsoDate } from '../../shared/domain';

export function currentCardCode(result: InsuranceResult | null, today: IsoDate): string | null {
  if (!result) return null;
  const renewed = result.outcome === 'replaced-card' ? result.replacement : null;
  if (renewed?.number && (!renewed.validFrom || renewed.validFrom <= today)) return renewed.number;
  return result.card?.number ?? null;
}

/** The 2-letter group of a 15-character code (`CC`, `TE`, …); null for a 10-digit one. */
export const cardGroupOf = (code: string | null): string | null =>
  code && /^[A-Z]{2}\d/.test(code) ? code.slice(0, 2) : null;
