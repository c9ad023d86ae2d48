/**
 * The priority the law gives at the check-in (Luật Khám bệnh, chữa bệnh 2023, Điều 3 khoản 2, in
 * force 1/1/2024: emergencies, children under 6, pregnant women, people with a severe
 * disability, people from 75, người có công). Two of them show on what the kiosk knows: the age
 * (from the date of birth) and the BHYT group (first two letters of the 15-character code: CC
 * người có công, TE children under 6). Pregnancy and disability only the person can declare;
 * this picks the lane to preselect and says why, and the person or staff may choose another.
 */
import type { IsoDate, Lane, LawPriority } from '../../shared/domain';

export interface LawPriorityRules {
  elderlyFromAge: number;
  childUnderAge: number;
  /** BHYT group → lane, e.g. { CC: 'merit', TE: 'child' }. */
  groups: Readonly<Record<string, string>>;
}

/**
 * The ages the person certainly has today: from a full date, exactly; from a year alone, the
 * birthday may be still to come, so [this year − year − 1, this year − year].
 */
export function ageRange(dateOfBirth: string, today: IsoDate): { min: number; max: number } | null {
  const year = Number(today.slice(0, 4));
  if (/^\d{4}$/.test(dateOfBirth)) {
    const a = year - Number(dateOfBirth);
    return a < 0 ? null : { min: Math.max(0, a - 1), max: a };
  }
  const m = /^(\d{4})-(\d{2}-\d{2})$/.exec(dateOfBirth);
  if (!m) return null;
  const age = year - Number(m[1]) - (today.slice(5) < m[2]! ? 1 : 0);
  return age < 0 ? null : { min: age, max: age };
}

const LANE_SET = new Set<string>([
  'normal',
  'elderly',
  'child',
  'disability',
  'pregnant',
  'emergency',
  'merit',
]);

/**
 * The lane the law gives, with its reason ("78 tuổi", "thẻ CC"), or null. A year-only birth
 * counts only when every day of that year gives the same answer. The age comes before the group
 * (it is the person's own; a group may be configured to a lane the age also gives).
 */
export function lawPriority(
  person: { dateOfBirth: string | null; cardGroup: string | null },
  today: IsoDate,
  rules: LawPriorityRules,
): LawPriority | null {
  const ages = person.dateOfBirth ? ageRange(person.dateOfBirth, today) : null;
  if (ages && ages.max < rules.childUnderAge) {
    const shown = ages.min === ages.max ? `${ages.max}` : `${ages.min}–${ages.max}`;
    return {
      lane: 'child',
      reason: { vi: `${shown} tuổi`, en: `${shown} years old` },
    };
  }
  if (ages && ages.min >= rules.elderlyFromAge) {
    const shown = ages.min === ages.max ? `${ages.min}` : `${ages.min}–${ages.max}`;
    return { lane: 'elderly', reason: { vi: `${shown} tuổi`, en: `${shown} years old` } };
  }
  const group = person.cardGroup?.toUpperCase() ?? null;
  const lane = group ? rules.groups[group] : undefined;
  if (group && lane && LANE_SET.has(lane) && lane !== 'normal') {
    return { lane: lane as Lane, reason: { vi: `thẻ ${group}`, en: `${group} card` } };
  }
  return null;
}
