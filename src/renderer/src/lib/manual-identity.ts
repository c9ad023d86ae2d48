/**
 * The desk's manual entry: what staff type (or what a QR scanner put in the field), checked
 * field by field so each problem gets its own sentence next to its input.
 */
import type { IsoDate, ManualIdentityInput, Sex } from '../../../shared/domain';

export interface ManualForm {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: '' | Sex;
  cardNumber: string;
}

export const EMPTY_MANUAL_FORM: ManualForm = {
  idNumber: '',
  fullName: '',
  dateOfBirth: '',
  sex: '',
  cardNumber: '',
};

/** i18n keys under `manual.errors.` */
export type ManualFieldError =
  | 'idRequired'
  | 'idDigits'
  | 'nameRequired'
  | 'nameCharacters'
  | 'dobRequired'
  | 'dobFormat'
  | 'dobNotReal'
  | 'dobFuture'
  | 'dobTooOld'
  | 'sexRequired'
  | 'cardFormat';

export type ManualErrors = Partial<Record<keyof ManualForm, ManualFieldError>>;

export type ManualValidation =
  { ok: true; value: ManualIdentityInput } | { ok: false; errors: ManualErrors };

/** A calendar date that exists (no 31 April, no 29 February outside leap years). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Staff type `dd/mm/yyyy` (the Vietnamese habit) or ISO `yyyy-mm-dd`; both become ISO. */
export function toIsoDate(text: string): string {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return t;
}

function checkDob(dob: string, today: IsoDate): ManualFieldError | null {
  if (!dob) return 'dobRequired';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dob)) return 'dobFormat';
  if (!isRealDate(dob)) return 'dobNotReal';
  if (dob > today) return 'dobFuture';
  if (dob < '1900-01-01') return 'dobTooOld';
  return null;
}

export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function validateManualForm(form: ManualForm, today: IsoDate): ManualValidation {
  const errors: ManualErrors = {};
  const idNumber = form.idNumber.replace(/\s/g, '');
  if (!idNumber) errors.idNumber = 'idRequired';
  else if (!/^\d{12}$/.test(idNumber)) errors.idNumber = 'idDigits';

  const fullName = normalizeName(form.fullName);
  if (!fullName) errors.fullName = 'nameRequired';
  else if (!/^[\p{L}\p{M}' .-]+$/u.test(fullName)) errors.fullName = 'nameCharacters';

  const dateOfBirth = toIsoDate(form.dateOfBirth);
  const dobError = checkDob(dateOfBirth, today);
  if (dobError) errors.dateOfBirth = dobError;

  if (form.sex !== 'M' && form.sex !== 'F') errors.sex = 'sexRequired';

  const cardNumber = form.cardNumber.replace(/\s/g, '').toUpperCase();
  // Group (2 letters), level digit, province (2 digits), social-insurance number (10 digits).
  if (cardNumber && !/^[A-Z]{2}[1-5]\d{12}$/.test(cardNumber)) errors.cardNumber = 'cardFormat';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      idNumber,
      fullName,
      dateOfBirth,
      sex: form.sex as Sex,
      ...(cardNumber ? { cardNumber } : {}),
    },
  };
}

/**
 * The QR on a CCCD's front: `ID|old ID|name|DOB ddmmyyyy|sex|residence|issue ddmmyyyy`.
 * Returns the fields it could read into the form, or null when the text is not that shape.
 */
export function formFromCardQr(text: string): ManualForm | null {
  const parts = text.trim().split('|');
  if (parts.length < 5) return null;
  const [id, , name, dob, sex] = parts as [string, string, string, string, string];
  if (!/^\d{12}$/.test(id)) return null;
  const dm = /^(\d{2})(\d{2})(\d{4})$/.exec(dob);
  const lowerSex = sex.trim().toLowerCase();
  return {
    idNumber: id,
    fullName: normalizeName(name),
    dateOfBirth: dm ? `${dm[3]}-${dm[2]}-${dm[1]}` : '',
    sex: lowerSex === 'nam' ? 'M' : lowerSex === 'nữ' || lowerSex === 'nu' ? 'F' : '',
    cardNumber: '',
  };
}

/** Today as the station's local calendar date. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
