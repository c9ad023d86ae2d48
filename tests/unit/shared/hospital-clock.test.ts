import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHospitalClock, VIETNAM_TIME_ZONE } from '../../../src/shared/hospital-day';

// 01:05 UTC: 08:05 in Vietnam, 17:05 the day before on a machine left in Los Angeles time.
const CHECKED_IN = '2026-11-23T01:05:00.000Z';

describe('times on the screens are the hospital clock', () => {
  const machineZone = process.env.TZ;
  beforeAll(() => {
    // The desk's browser or the display's machine set to another zone.
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it('the machine here really is in another zone', () => {
    expect(new Date(CHECKED_IN).getHours()).toBe(17);
  });

  it('check-in and call times in the hospital zone, whatever the machine zone', () => {
    expect(formatHospitalClock(CHECKED_IN, VIETNAM_TIME_ZONE, 'vi-VN')).toBe('08:05');
    expect(formatHospitalClock(CHECKED_IN, VIETNAM_TIME_ZONE, 'en-GB')).toBe('08:05');
    expect(formatHospitalClock(CHECKED_IN, VIETNAM_TIME_ZONE, 'en-GB', 'date-time')).toBe(
      '23/11/2026, 08:05',
    );
    expect(formatHospitalClock(CHECKED_IN, VIETNAM_TIME_ZONE, 'vi-VN', 'date-time')).toMatch(
      /^08:05.*23\/11\/2026$|^23\/11\/2026.*08:05$/,
    );
  });

  it('a hospital configured in another zone gets its own clock', () => {
    expect(formatHospitalClock(CHECKED_IN, 'Europe/Berlin', 'en-GB')).toBe('02:05');
    expect(formatHospitalClock('2026-11-23T16:30:00.000Z', VIETNAM_TIME_ZONE, 'en-GB')).toBe(
      '23:30',
    );
    // midnight is 00, never 24
    expect(formatHospitalClock('2026-11-23T17:00:00.000Z', VIETNAM_TIME_ZONE, 'vi-VN')).toBe(
      '00:00',
    );
  });

  it('an unreadable time is shown as it came', () => {
    expect(formatHospitalClock('soon', VIETNAM_TIME_ZONE, 'vi-VN')).toBe('soon');
  });
});
