/**
 * The one set of rules for identity text a person or a scanner gives us: the CCCD front QR and
 * what staff type at the desk. The renderer (to put a sentence next to the field), the API
 * input schemas (to refuse a bad request) and main (before a lookup or a chip key) all call
 * these, so they cannot disagree on a name's length, the BHYT benefit digit or a date.
 */
import type { IsoDate, ManualIdentityInput, Sex } from './domain';

export const ID_NUMBER = /^\d{12}$/;
export const CAN_NUMBER = /^\d{6}$/;
/** BHYT: group (2 letters), benefit level (1-5), province (2 digits), 10-digit social-insurance number. */
export const BHYT_NUMBER = /^[A-Z]{2}[1-5]\d{12}$/;
/** The insurance gateway refuses shorter or longer names (src/main/insurance/query.ts). */
export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 100;
export const OLDEST_BIRTH_YEAR = 1900;
const NAME_CHARACTERS = /^[\p{L}\p{M}' .-]+$/u;

/** Codes of what is wrong with one field; the renderer's i18n keys under `manual.errors.`. */
export type IdentityFieldError =
  | 'idRequired'
  | 'idDigits'
  | 'nameRequired'
  | 'nameCharacters'
  | 'nameLength'
  | 'dobRequired'
  | 'dobFormat'
  | 'dobNotReal'
  | 'dobFuture'
  | 'dobTooOld'
  | 'sexRequired'
  | 'cardFormat';

/** The same sentences for main's typed errors (the renderer has them in its i18n files). */
export const IDENTITY_FIELD_MESSAGES: Record<IdentityFieldError, { vi: string; en: string }> = {
  idRequired: { vi: 'Hãy nhập số căn cước.', en: 'Enter the CCCD number.' },
  idDigits: {
    vi: 'Số căn cước phải có đúng 12 chữ số.',
    en: 'The CCCD number must have exactly 12 digits.',
  },
  nameRequired: { vi: 'Hãy nhập họ và tên.', en: 'Enter the full name.' },
  nameCharacters: {
    vi: 'Họ tên chỉ gồm chữ cái và dấu cách.',
    en: 'The name may contain only letters and spaces.',
  },
  nameLength: {
    vi: `Họ tên dài từ ${NAME_MIN_LENGTH} đến ${NAME_MAX_LENGTH} ký tự.`,
    en: `The name must be ${NAME_MIN_LENGTH} to ${NAME_MAX_LENGTH} characters long.`,
  },
  dobRequired: { vi: 'Hãy nhập ngày sinh.', en: 'Enter the date of birth.' },
  dobFormat: {
    vi: 'Ngày sinh viết theo dạng ngày/tháng/năm (ví dụ 14/03/1985) hoặc chỉ năm sinh.',
    en: 'Write the date of birth as day/month/year (e.g. 14/03/1985) or the year alone.',
  },
  dobNotReal: { vi: 'Ngày sinh không có trên lịch.', en: 'The date of birth is not a real date.' },
  dobFuture: { vi: 'Ngày sinh không thể sau hôm nay.', en: 'The date of birth is in the future.' },
  dobTooOld: {
    vi: `Ngày sinh phải từ năm ${OLDEST_BIRTH_YEAR} trở đi.`,
    en: `The date of birth must be in ${OLDEST_BIRTH_YEAR} or later.`,
  },
  sexRequired: { vi: 'Giới tính phải là Nam hoặc Nữ.', en: 'Sex must be male or female.' },
  cardFormat: {
    vi: 'Số thẻ BHYT gồm 2 chữ cái và 13 chữ số, chữ số đầu là mức hưởng 1-5.',
    en: 'The BHYT number is 2 letters and 13 digits, the first digit a benefit level 1-5.',
  },
};

export const normalizeIdNumber = (text: string): string => text.replace(/\s/g, '');
export const normalizeCardNumber = (text: string): string => text.replace(/\s/g, '').toUpperCase();
/** NFC (a scanner or an OS may give NFD `Nữ`), single spaces, trimmed. */
export const normalizeName = (text: string): string =>
  text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A calendar date that exists (no 31 April, no 29 February outside leap years). */
export function isRealIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * `dd/mm/yyyy` (also `d/m/yyyy`, `-` or `.` between, the QR's `ddmmyyyy`) or ISO → the ISO
 * text, not yet checked against the calendar; null when it is none of those shapes.
 */
function dayToIsoShape(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** A Vietnamese-written or ISO day → ISO date when it is on the calendar; else null. */
export function vnDateToIso(text: string): IsoDate | null {
  const iso = dayToIsoShape(text);
  return iso && isRealIsoDate(iso) ? iso : null;
}

/**
 * A date of birth as typed or scanned → ISO `YYYY-MM-DD`, or `YYYY` alone for people whose
 * papers give only the year (the insurance lookup accepts it).
 */
export function parseDateOfBirth(
  text: string,
  today: IsoDate,
): { ok: true; value: string } | { ok: false; error: IdentityFieldError } {
  const t = text.trim();
  if (!t) return { ok: false, error: 'dobRequired' };
  const year = /^\d{4}$/.test(t) ? t : null;
  const iso = year ?? dayToIsoShape(t);
  if (!iso) return { ok: false, error: 'dobFormat' };
  if (!year && !isRealIsoDate(iso)) return { ok: false, error: 'dobNotReal' };
  if (iso > today.slice(0, iso.length)) return { ok: false, error: 'dobFuture' };
  if (Number(iso.slice(0, 4)) < OLDEST_BIRTH_YEAR) return { ok: false, error: 'dobTooOld' };
  return { ok: true, value: iso };
}

const fold = (s: string): string =>
  s
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** `Nam` → M, `Nữ` → F (NFC or NFD, with or without diacritics, or already M/F); else null. */
export function sexFromText(value: string): Sex | null {
  const v = fold(value);
  if (v === 'nam' || v === 'm' || v === 'male') return 'M';
  if (v === 'nu' || v === 'f' || v === 'female') return 'F';
  return null;
}

export function checkIdNumber(text: string): IdentityFieldError | null {
  const id = normalizeIdNumber(text);
  if (!id) return 'idRequired';
  return ID_NUMBER.test(id) ? null : 'idDigits';
}

export function checkFullName(text: string): IdentityFieldError | null {
  const name = normalizeName(text);
  if (!name) return 'nameRequired';
  if (name.length < NAME_MIN_LENGTH || name.length > NAME_MAX_LENGTH) return 'nameLength';
  return NAME_CHARACTERS.test(name) ? null : 'nameCharacters';
}

export function checkCardNumber(text: string): IdentityFieldError | null {
  const card = normalizeCardNumber(text);
  return !card || BHYT_NUMBER.test(card) ? null : 'cardFormat';
}

export interface IdentityText {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  /** `M`/`F` or the card's words (`Nam`, `Nữ`); anything else is sexRequired. */
  sex: string;
  cardNumber?: string | undefined;
}

export type IdentityErrors = Partial<Record<keyof IdentityText, IdentityFieldError>>;

export type IdentityCheck =
  { ok: true; value: ManualIdentityInput } | { ok: false; errors: IdentityErrors };

/** Every field checked, each problem under its field; the normalised identity when all pass. */
export function checkManualIdentity(input: IdentityText, today: IsoDate): IdentityCheck {
  const errors: IdentityErrors = {};
  const idError = checkIdNumber(String(input.idNumber ?? ''));
  if (idError) errors.idNumber = idError;
  const nameError = checkFullName(String(input.fullName ?? ''));
  if (nameError) errors.fullName = nameError;
  const dob = parseDateOfBirth(String(input.dateOfBirth ?? ''), today);
  if (!dob.ok) errors.dateOfBirth = dob.error;
  const sex = sexFromText(String(input.sex ?? ''));
  if (!sex) errors.sex = 'sexRequired';
  const cardError = checkCardNumber(String(input.cardNumber ?? ''));
  if (cardError) errors.cardNumber = cardError;
  if (!dob.ok || !sex || Object.keys(errors).length > 0) return { ok: false, errors };
  const cardNumber = normalizeCardNumber(String(input.cardNumber ?? ''));
  return {
    ok: true,
    value: {
      idNumber: normalizeIdNumber(input.idNumber),
      fullName: normalizeName(input.fullName),
      dateOfBirth: dob.value,
      sex,
      ...(cardNumber ? { cardNumber } : {}),
    },
  };
}

/** What the QR on a CCCD's front says (the CCCD reference). */
export interface CardQr {
  idNumber: string;
  /** The 9-digit CMND, '' when the card has none. */
  oldIdNumber: string;
  fullName: string;
  /** ISO date, or `YYYY` when the card gives only the year. */
  dateOfBirth: string;
  sex: Sex | null;
  placeOfResidence: string;
  dateOfIssue: IsoDate | null;
  /** Fields after the seventh (cards from mid-2024 add four empty ones), kept as given. */
  extra: string[];
}

export type CardQrError = 'qrFields' | 'qrIdNumber' | 'qrDateOfBirth';

export const CARD_QR_MESSAGES: Record<CardQrError, { vi: string; en: string }> = {
  qrFields: {
    vi: 'Mã QR không phải mã trên thẻ căn cước.',
    en: 'the QR text is not the one on a CCCD',
  },
  qrIdNumber: {
    vi: 'Mã QR không có số CCCD 12 chữ số.',
    en: 'the QR text does not start with a 12-digit ID number',
  },
  qrDateOfBirth: {
    vi: 'Ngày sinh trong mã QR không hợp lệ.',
    en: 'the QR date of birth is not a date',
  },
};

/**
 * `ID|old ID|name|DOB ddmmyyyy|sex|residence|issue ddmmyyyy` (7 fields; 11 on cards from
 * mid-2024). Fields are split, never compacted, so an empty old ID does not shift the rest; the
 * Enter (CR, LF or both) a keyboard-wedge scanner ends with is dropped.
 */
export function parseCardQr(
  text: string,
): { ok: true; value: CardQr } | { ok: false; error: CardQrError } {
  const parts = text
    .normalize('NFC')
    .replace(/[\r\n]+$/, '')
    .split('|')
    .map((p) => p.trim());
  if (parts.length < 7) return { ok: false, error: 'qrFields' };
  const [id, oldId, name, dob, sex, residence, issue] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!ID_NUMBER.test(id)) return { ok: false, error: 'qrIdNumber' };
  // A year alone (people whose papers never had a day) goes on to the lookup, which takes it.
  const dateOfBirth = /^\d{4}$/.test(dob) ? dob : vnDateToIso(dob);
  if (!dateOfBirth || Number(dateOfBirth.slice(0, 4)) < OLDEST_BIRTH_YEAR) {
    return { ok: false, error: 'qrDateOfBirth' };
  }
  return {
    ok: true,
    value: {
      idNumber: id,
      oldIdNumber: oldId,
      fullName: normalizeName(name),
      dateOfBirth,
      sex: sexFromText(sex),
      placeOfResidence: residence,
      dateOfIssue: issue ? vnDateToIso(issue) : null,
      extra: parts.slice(7),
    },
  };
}
