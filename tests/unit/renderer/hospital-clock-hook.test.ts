import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hospitalClock } from '../../../src/renderer/src/components/use-lang';
import { hospitalDay } from '../../../src/shared/hospital-day';

// 25 hours apart: the two calendars never show the same day.
const MACHINE_ZONE = 'Pacific/Pago_Pago'; // UTC-11
const HOSPITAL_ZONE = 'Pacific/Kiritimati'; // UTC+14

describe('the screens read the hospital clock, not the browser zone', () => {
  const machineZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = MACHINE_ZONE;
  });
  afterAll(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it('today (what a typed date of birth is checked against) is the hospital day', () => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const browserToday = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const today = hospitalClock('vi', HOSPITAL_ZONE).today();
    expect(today).toBe(hospitalDay(new Date(), HOSPITAL_ZONE));
    expect(today).not.toBe(browserToday);
  });

  it('times and dates in both screen languages', () => {
    const at = '2026-11-23T01:05:00.000Z'; // 15:05 in Kiritimati, 14:05 the day before here
    expect(hospitalClock('vi', HOSPITAL_ZONE).time(at)).toBe('15:05');
    expect(hospitalClock('en', HOSPITAL_ZONE).dateTime(at)).toBe('23/11/2026, 15:05');
  });
});
