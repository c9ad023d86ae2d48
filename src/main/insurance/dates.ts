/**
 * The gateway speaks `dd/MM/yyyy` (or `yyyy`) for dates and `yyyyMMddHHmm` for stamps, in
 * Vietnam time; the rest of the app speaks ISO. Conversions live here so that nothing else
 * parses the wire formats.
 */
import type { IsoDate, IsoDateTime } from '../../shared/domain';

export class InvalidDateError extends Error {
  constructor(readonly field: string) {
    super(`unreadable date in ${field}`);
    this.name = 'InvalidDateError';
  }
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` or `YYYY` → what `ngaySinh` expects (`dd/MM/yyyy` or `yyyy`); null when invalid. */
export function dobToWire(dob: string): string | null {
  const year = /^(\d{4})$/.exec(dob);
  if (year) return Number(year[1]) >= 1900 ? dob : null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || !isRealDate(y, mo, d)) return null;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * `dd/MM/yyyy` (day and month may be one digit) → ISO date; `yyyy` stays a year when
 * `allowYear`. Empty → null. Anything else throws InvalidDateError naming the field.
 */
export function wireDateToIso(
  value: string | null,
  field: string,
  allowYear = false,
): string | null {
  if (value === null || value.trim() === '') return null;
  const s = value.trim();
  if (allowYear && /^\d{4}$/.test(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) throw new InvalidDateError(field);
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) throw new InvalidDateError(field);
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * `yyyyMMddHHmm` → ISO with the +07:00 offset: the gateway writes its stamps in Vietnam time
 * (one zone, UTC+7, no daylight saving), whatever the hospital's configured zone. Empty → null.
 */
export function wireStampToIso(value: string | null, field: string): IsoDateTime | null {
  if (value === null || value.trim() === '') return null;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) throw new InvalidDateError(field);
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59) throw new InvalidDateError(field);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+07:00`;
}

/** ISO date → `dd/MM/yyyy` (the simulator writes what the gateway writes). */
export function isoToWireDate(iso: string): string {
  if (/^\d{4}$/.test(iso)) return iso;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
