/**
 * DG1 (ICAO 9303-10 §4.7.1): tag 61 around 5F1F, the MRZ. CCCD cards carry a TD1 MRZ
 * (3 × 30 characters): `IDVNM` + the last 9 digits of the ID number + check digit + the full
 * 12-digit ID number in the optional data, then `<<` and, on real cards, the check digit of the
 * 12-digit number at position 30 (`IDVNM0880123455001088012345<<6`); line 2 the birth date, sex,
 * expiry, nationality. Older layouts leave position 30 a filler.
 */
import { parse } from 'mrz';
import { protocolErrors } from '../errors';
import { mrzCheckDigit } from '../mrz-info';
import { children, decodeSingleTlv, requireTlv } from '../tlv';

export interface Dg1 {
  /** The MRZ as printed: three lines of 30 joined by newlines. */
  mrz: string;
  lines: string[];
  documentCode: string;
  issuingState: string;
  /** 9 characters for CCCD. */
  documentNumber: string;
  /** The 12-digit ID number from line 1's optional data, when there. */
  idNumber: string | null;
  /**
   * Position 30 of line 1: `valid`/`invalid` when it holds a digit (the check digit of the
   * 12-digit ID number on real cards), `absent` when it is a filler or there is no ID number.
   */
  idNumberCheckDigit: 'valid' | 'invalid' | 'absent';
  /** YYMMDD as in the MRZ. */
  dateOfBirth: string;
  dateOfExpiry: string;
  sex: 'M' | 'F' | null;
  nationality: string;
  /** Surname and given names in MRZ characters (A-Z, spaces). */
  surname: string;
  givenNames: string;
  /** Every check digit is right. */
  checkDigitsValid: boolean;
}

const LINE = 30;

export function parseDg1(bytes: Uint8Array): Dg1 {
  const mrzTlv = requireTlv(children(decodeSingleTlv(bytes, 0x61)), 0x5f1f, 'DG1');
  const text = new TextDecoder('ascii').decode(mrzTlv.value);
  return parseTd1(text);
}

/** Parses a TD1 MRZ given as 90 characters (any whitespace ignored). */
export function parseTd1(text: string): Dg1 {
  const clean = text.replace(/\s+/g, '').toUpperCase();
  if (clean.length !== 3 * LINE || !/^[A-Z0-9<]+$/.test(clean)) {
    throw protocolErrors.protocol(`MRZ is not TD1: ${clean.length} characters`);
  }
  const lines = [clean.slice(0, LINE), clean.slice(LINE, 2 * LINE), clean.slice(2 * LINE)];
  let fields: Record<string, string | null | undefined>;
  let valid: boolean;
  try {
    const result = parse(lines, { autocorrect: false });
    fields = result.fields;
    // Only the check digits: the library also judges state codes, and the ICAO specimen's
    // "UTO" is not a real one.
    valid = result.details
      .filter((d) => d.field !== null && d.field.endsWith('CheckDigit'))
      .every((d) => d.valid);
  } catch (err) {
    throw protocolErrors.protocol('MRZ could not be parsed', err);
  }
  // Optional data = positions 16-30 of line 1: the 12-digit ID, fillers, its check digit.
  const optional = lines[0]!.slice(15, 30);
  const id12 = optional.slice(0, 12);
  const idNumber = /^\d{12}$/.test(id12) && /^<*\d?$/.test(optional.slice(12)) ? id12 : null;
  const last = optional.slice(-1);
  const idNumberCheckDigit =
    !idNumber || !/\d/.test(last)
      ? 'absent'
      : String(mrzCheckDigit(id12)) === last
        ? 'valid'
        : 'invalid';
  const sex = fields.sex === 'male' ? 'M' : fields.sex === 'female' ? 'F' : null;
  return {
    mrz: lines.join('\n'),
    lines,
    documentCode: fields.documentCode ?? lines[0]!.slice(0, 2).replace(/</g, ''),
    issuingState: fields.issuingState ?? lines[0]!.slice(2, 5),
    // The raw field, so that a wrong check digit does not lose the number.
    documentNumber: lines[0]!.slice(5, 14).replace(/<+$/, ''),
    idNumber,
    idNumberCheckDigit,
    dateOfBirth: lines[1]!.slice(0, 6),
    dateOfExpiry: lines[1]!.slice(8, 14),
    sex,
    nationality: lines[1]!.slice(15, 18).replace(/</g, ''),
    surname: fields.lastName ?? '',
    givenNames: fields.firstName ?? '',
    checkDigitsValid: valid && idNumberCheckDigit !== 'invalid',
  };
}
