/**
 * DG1 (ICAO 9303-10 §4.7.1): tag 61 around 5F1F, the MRZ. CCCD cards carry a TD1 MRZ
 * (3 × 30 characters): `IDVNM` + the last 9 digits of the ID number + check digit + the full
 * 12-digit ID number in the optional data; line 2 the birth date, sex, expiry, nationality.
 */
import { parse } from 'mrz';
import { protocolErrors } from '../errors';
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
    valid = result.valid;
  } catch (err) {
    throw protocolErrors.protocol('MRZ could not be parsed', err);
  }
  const optional1 = (fields.optional1 ?? '').replace(/</g, '');
  const sex = fields.sex === 'male' ? 'M' : fields.sex === 'female' ? 'F' : null;
  return {
    mrz: lines.join('\n'),
    lines,
    documentCode: fields.documentCode ?? lines[0]!.slice(0, 2).replace(/</g, ''),
    issuingState: fields.issuingState ?? lines[0]!.slice(2, 5),
    // The raw field, so that a wrong check digit does not lose the number.
    documentNumber: lines[0]!.slice(5, 14).replace(/<+$/, ''),
    idNumber: /^\d{12}$/.test(optional1) ? optional1 : null,
    dateOfBirth: lines[1]!.slice(0, 6),
    dateOfExpiry: lines[1]!.slice(8, 14),
    sex,
    nationality: lines[1]!.slice(15, 18).replace(/</g, ''),
    surname: fields.lastName ?? '',
    givenNames: fields.firstName ?? '',
    checkDigitsValid: valid,
  };
}
