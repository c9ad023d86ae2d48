/**
 * Benefit level and the fund's share for a card on a given day, from the dated rules in
 * configuration (insurance.coverageRules). The rule set in force is the latest one whose
 * `effectiveFrom` is not after the day; a group the rules know overrides the printed digit
 * (cards printed before a law change keep their old digit until reissued).
 */
import type { CoverageRule } from '../config/sections/insurance';
import type { IsoDate } from '../../shared/domain';

export interface Coverage {
  level: number;
  percent: number | null;
  ruleFrom: IsoDate;
}

export function ruleInForce(rules: readonly CoverageRule[], day: IsoDate): CoverageRule | null {
  let best: CoverageRule | null = null;
  for (const r of rules) {
    if (r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  }
  return best;
}

export function coverageFor(
  rules: readonly CoverageRule[],
  day: IsoDate,
  group: string,
  printedLevel: number,
): Coverage | null {
  const rule = ruleInForce(rules, day);
  if (!rule) return null;
  const level = rule.groups[group] ?? printedLevel;
  return { level, percent: rule.levels[String(level)] ?? null, ruleFrom: rule.effectiveFrom };
}
