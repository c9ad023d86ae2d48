/**
 * Calendar days as the station's clock sees them. A visit belongs to the local day it was made
 * on (the machine's time zone), which is also the day queue numbers restart.
 */
import type { IsoDate } from '../../shared/domain';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function localDay(at: Date): IsoDate {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The local day `days` before the one `at` falls on. */
export function localDayBefore(at: Date, days: number): IsoDate {
  const d = new Date(at.getFullYear(), at.getMonth(), at.getDate() - days, 12);
  return localDay(d);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `2026-11-23T08:15:03` in local time, for people reading a CSV or a list. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${localDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
