import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  hospitalDateTime,
  hospitalDay,
  isIsoDay,
  isTimeZone,
  utcOffsetMinutes,
} from '../../../src/shared/hospital-day';

const VN = 'Asia/Ho_Chi_Minh';

describe("the hospital's day", () => {
  it('follows the hospital zone, not the machine (UTC+7 turns the day at 17:00 UTC)', () => {
    expect(hospitalDay(new Date('2026-11-23T16:59:59Z'), VN)).toBe('2026-11-23');
    expect(hospitalDay(new Date('2026-11-23T17:00:00Z'), VN)).toBe('2026-11-24');
    // 06:30 in Hanoi is still "yesterday" in UTC.
    expect(hospitalDay(new Date('2026-11-22T23:30:00Z'), VN)).toBe('2026-11-23');
    expect(hospitalDay(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-11-22');
  });

  it('a zone with daylight saving turns its day at local midnight in both seasons', () => {
    // Europe/Berlin: UTC+1 in winter, UTC+2 in summer.
    expect(hospitalDay(new Date('2026-01-10T22:59:00Z'), 'Europe/Berlin')).toBe('2026-01-10');
    expect(hospitalDay(new Date('2026-01-10T23:00:00Z'), 'Europe/Berlin')).toBe('2026-01-11');
    expect(hospitalDay(new Date('2026-07-10T21:59:00Z'), 'Europe/Berlin')).toBe('2026-07-10');
    expect(hospitalDay(new Date('2026-07-10T22:00:00Z'), 'Europe/Berlin')).toBe('2026-07-11');
  });

  it('counts calendar days back across months and leap days', () => {
    expect(dayBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(dayBefore('2028-03-01', 1)).toBe('2028-02-29');
    expect(dayBefore('2026-11-23', 90)).toBe('2026-08-25');
  });

  it('writes times as the hospital clock shows them', () => {
    expect(hospitalDateTime('2026-11-23T01:02:03.000Z', VN)).toBe('2026-11-23 08:02:03');
    expect(hospitalDateTime('not a time', VN)).toBe('');
  });

  it('offsets and zone names', () => {
    expect(utcOffsetMinutes(new Date('2026-11-23T00:00:00Z'), VN)).toBe(420);
    expect(utcOffsetMinutes(new Date('2026-11-23T00:00:00Z'), 'UTC')).toBe(0);
    expect(utcOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(isTimeZone(VN)).toBe(true);
    expect(isTimeZone('Asia/Hanoi_Typo')).toBe(false);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2028-02-29')).toBe(true);
  });
});
