/**
 * Luật Khám bệnh, chữa bệnh 2023, Điều 3 khoản 2: children under 6 and people from 75 are
 * served first, and so are người có công (BHYT group CC). The rule itself, at its edges.
 */
import { describe, expect, it } from 'vitest';
import { ageRange, lawPriority } from '../../../src/main/domain/law-priority';

const RULES = { elderlyFromAge: 75, childUnderAge: 6, groups: { CC: 'merit', TE: 'child' } };
const TODAY = '2026-12-07';
const of = (dateOfBirth: string | null, cardGroup: string | null = null) =>
  lawPriority({ dateOfBirth, cardGroup }, TODAY, RULES);

describe('priority by law', () => {
  it('from the 75th birthday on: elderly, with the age as the reason', () => {
    expect(of('1951-12-07')).toEqual({
      lane: 'elderly',
      reason: { vi: '75 tuổi', en: '75 years old' },
    });
    expect(of('1951-12-08')).toBeNull(); // 74 until tomorrow
    expect(of('1948-01-01')?.reason.vi).toBe('78 tuổi');
  });

  it('under 6: child; the 6th birthday ends it', () => {
    expect(of('2020-12-08')).toEqual({
      lane: 'child',
      reason: { vi: '5 tuổi', en: '5 years old' },
    });
    expect(of('2020-12-07')).toBeNull();
  });

  it('a year-only birth counts only when the whole year agrees', () => {
    expect(of('1950')?.lane).toBe('elderly'); // 75 or 76
    expect(of('1950')?.reason.vi).toBe('75–76 tuổi');
    expect(of('1951')).toBeNull(); // 74 or 75
    expect(of('2021')?.lane).toBe('child'); // 4 or 5
    expect(of('2020')).toBeNull(); // 5 or 6
  });

  it('the BHYT group from the configured list: CC → merit, TE → child', () => {
    expect(of('1980-01-01', 'CC')).toEqual({
      lane: 'merit',
      reason: { vi: 'thẻ CC', en: 'CC card' },
    });
    expect(of(null, 'TE')?.lane).toBe('child');
    expect(of('1980-01-01', 'DN')).toBeNull();
    expect(
      lawPriority({ dateOfBirth: null, cardGroup: 'CC' }, TODAY, { ...RULES, groups: {} }),
    ).toBeNull();
  });

  it('the age comes before the group', () => {
    expect(of('1940-05-05', 'CC')?.lane).toBe('elderly');
  });

  it('ages from dates', () => {
    expect(ageRange('2000-02-29', '2026-02-28')).toEqual({ min: 25, max: 25 });
    expect(ageRange('2000-02-29', '2026-03-01')).toEqual({ min: 26, max: 26 });
    expect(ageRange('2030-01-01', TODAY)).toBeNull();
  });
});
