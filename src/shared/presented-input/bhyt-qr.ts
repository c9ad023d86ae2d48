/**
 * The BHYT card QR (paper or plastic card, and VssID's "Sử dụng thẻ"): the team's QR-formats reference
 * §1. `|`-separated fields ending in the field `$`; `-` is an empty field; name, address,
 * guardian and place of issue are hex of UTF-8; dates `dd/MM/yyyy` (the date of birth may be the
 * year alone); the card code is 15 characters (cards to 2021) or the 10-digit social-insurance
 * number (2021 card model). 15 parts on the older cards, 17 on the 2021 model, 10 on one old
 * sample: fields are read by position with bounds checks, so any count from 10 works.
 *
 * Field 13 (the check string) is kept as given and never checked: no public source says how it
 * is made (Unverified in the reference). Fields 11 and 14 mean different things to different
 * vendors, so they are kept raw too.
 */
import type { IsoDate, Sex } from '../domain';
import { checkFullName, OLDEST_BIRTH_YEAR, vnDateToIso } from '../identity-input';
import { inputError, type PresentedInputError } from './errors';
import { decodeHexText } from './hex-text';

/** 15 characters: group (2 letters), benefit digit, then 12 digits or (2009-model) letters. */
export const CARD_CODE_15 = /^[A-Z]{2}\d[0-9A-Z]{12}$/;
/** The 10-digit social-insurance number (mã số BHXH), alone the code of a 2021-model card. */
export const SOCIAL_INSURANCE_NUMBER = /^\d{10}$/;
export const BHYT_QR_MIN_PARTS = 10;

export interface BhytQr {
  /** As printed: 15 characters (upper-case) or 10 digits. */
  cardCode: string;
  /** The 2-letter group of a 15-character code (`CC`, `TE`, …); null for a 10-digit code. */
  groupCode: string | null;
  /** The 10-digit code itself, else the last 10 of field 9 when it has 14 digits; or null. */
  socialInsuranceNumber: string | null;
  fullName: string;
  /** ISO date, or `YYYY` when the card gives only the year. */
  dateOfBirth: string;
  sex: Sex;
  address: string | null;
  /** Registered primary-care facility, 5 characters (`79 - 001` → `79001`); null when absent. */
  primaryCareFacility: string | null;
  validFrom: IsoDate | null;
  /** null: `-` (cards since 2020 print no end date). */
  validTo: IsoDate | null;
  issuedOn: IsoDate | null;
  /** Field 9 as printed (14 digits on every sample), or null. */
  managementCode: string | null;
  /** Parent or guardian (children's cards), decoded; null when `-` or absent. */
  guardianName: string | null;
  /** Field 11 as printed; vendors disagree on its meaning. */
  livingAreaField: string | null;
  fiveYearsFrom: IsoDate | null;
  /** Field 13, kept and never validated (its meaning is unknown). */
  checkString: string | null;
  /** 2021 model: place of issue or renewal, decoded. */
  placeOfIssue: string | null;
  /** How many `|` parts the text had, terminator included (10, 15, 17 seen). */
  parts: number;
}

export type BhytQrRead = { ok: true; value: BhytQr } | { ok: false; error: PresentedInputError };

/** The last part is the `$` terminator: the text claims to be a BHYT QR, read to its end. */
export const endsLikeBhytQr = (parts: readonly string[]): boolean =>
  parts.length > 1 && parts[parts.length - 1]!.trim() === '$';

/** A BHYT QR cut short (no `$` yet): a card code first and several fields. */
export function looksLikeUnfinishedBhytQr(parts: readonly string[]): boolean {
  const first = (parts[0] ?? '').trim().toUpperCase();
  return parts.length >= 3 && (CARD_CODE_15.test(first) || SOCIAL_INSURANCE_NUMBER.test(first));
}

const field = (parts: readonly string[], i: number): string | null => {
  const v = parts[i]?.trim();
  return v === undefined || v === '' || v === '-' ? null : v;
};

const date = (v: string | null): IsoDate | null => (v ? vnDateToIso(v) : null);
const hexOrNull = (v: string | null): string | null => (v ? decodeHexText(v) : null);

const fail = (error: PresentedInputError): BhytQrRead => ({ ok: false, error });

/** `parts`: the text split on `|`, ending with the `$` part (see endsLikeBhytQr). */
export function readBhytQr(parts: readonly string[]): BhytQrRead {
  if (parts.length < BHYT_QR_MIN_PARTS) {
    return fail(inputError('INPUT_BHYT_QR_FIELDS', `${parts.length} parts`));
  }
  // The terminator is never a field: a 10-part card has no field 9.
  const fields = parts.slice(0, -1);
  const cardCode = (field(fields, 0) ?? '').toUpperCase();
  const is10 = SOCIAL_INSURANCE_NUMBER.test(cardCode);
  if (!is10 && !CARD_CODE_15.test(cardCode))
    return fail(inputError('INPUT_BHYT_QR_CODE', 'field 0'));

  const name = hexOrNull(field(fields, 1));
  if (!name || checkFullName(name)) return fail(inputError('INPUT_BHYT_QR_NAME', 'field 1'));

  const dobText = field(fields, 2) ?? '';
  const dateOfBirth = /^\d{4}$/.test(dobText) ? dobText : vnDateToIso(dobText);
  if (!dateOfBirth || Number(dateOfBirth.slice(0, 4)) < OLDEST_BIRTH_YEAR) {
    return fail(inputError('INPUT_BHYT_QR_DOB', 'field 2'));
  }
  const sexField = field(fields, 3);
  const sex: Sex | null = sexField === '1' ? 'M' : sexField === '2' ? 'F' : null;
  if (!sex) return fail(inputError('INPUT_BHYT_QR_SEX', 'field 3'));

  const managementCode = field(fields, 9);
  const facility = field(fields, 5)?.replace(/[\s\-\u2013]/g, '') ?? null;
  return {
    ok: true,
    value: {
      cardCode,
      groupCode: is10 ? null : cardCode.slice(0, 2),
      socialInsuranceNumber: is10
        ? cardCode
        : managementCode && /^\d{14}$/.test(managementCode)
          ? managementCode.slice(4)
          : null,
      fullName: name,
      dateOfBirth,
      sex,
      address: hexOrNull(field(fields, 4)),
      primaryCareFacility: facility || null,
      validFrom: date(field(fields, 6)),
      validTo: date(field(fields, 7)),
      issuedOn: date(field(fields, 8)),
      managementCode,
      guardianName: hexOrNull(field(fields, 10)),
      livingAreaField: field(fields, 11),
      fiveYearsFrom: date(field(fields, 12)),
      checkString: field(fields, 13),
      placeOfIssue: hexOrNull(field(fields, 15)),
      parts: parts.length,
    },
  };
}
