/**
 * The hospital's calendar day. Queue numbers restart, visits belong, duplicates are found, card
 * validity is judged, reprints are allowed, purges cut and exports are dated by the day in the
 * hospital's time zone (`hospital.timeZone`, IANA), never by the zone the machine happens to be
 * set to: a station left in UTC would otherwise restart its numbers at 07:00 in Vietnam, in the
 * middle of the morning clinic. Every "which day is it" in the app goes through here.
 */
import type { IsoDate } from './domain';

/** Vietnam has one zone (UTC+7, no daylight saving); also the zone of the BHXH gateway. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(at: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) out[p.type] = p.value;
  return out;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day `at` falls on in `timeZone`. */
export function hospitalDay(at: Date, timeZone: string): IsoDate {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The calendar day `days` before `day` (plain calendar arithmetic, no zone involved). */
export function dayBefore(day: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${day}T12:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** `2026-11-23 08:15:03` as a clock in `timeZone` shows it, for people reading a list or CSV. */
export function hospitalDateTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A time as the screens show it (`08:15`, or `23/11/2026 08:15` with the date), in the hospital's
 * zone and the screen language's `locale`: a desk browser or a display set to another zone must
 * not move the check-in or call times people compare with the wall clock. An unreadable time is
 * shown as it came.
 */
export function formatHospitalClock(
  iso: string,
  timeZone: string,
  locale: string,
  style: 'time' | 'date-time' = 'time',
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const key = `${timeZone}|${locale}|${style}`;
  let f = clockFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      hourCycle: 'h23',
      ...(style === 'date-time' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
    });
    clockFormatters.set(key, f);
  }
  return f.format(at);
}

/** Minutes east of UTC that `timeZone` is at the instant `at` (420 for Vietnam). */
export function utcOffsetMinutes(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
