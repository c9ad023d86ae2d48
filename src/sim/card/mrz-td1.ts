/**
 * The machine-readable zone written into a simulated card's DG1: ICAO 9303-5 TD1 (3 × 30
 * characters). For CCCD, the document number is the last 9 digits of the 12-digit ID number and
 * the full ID number goes into line 1's optional data, followed by `<<` and its check digit at
 * position 30 (the CCCD reference).
 */
import type { SimIdentity } from '../data/identities';
import { mrzCheckDigit } from '../../main/card/protocol/mrz-info';

// The card side writes with the same check-digit rule the reader verifies with.
export { mrzCheckDigit };

/** `Nguyễn Văn Đức` → `NGUYEN<VAN<DUC`: the MRZ has only A-Z, digits and `<`. */
export function mrzName(text: string): string {
  return text
    .replace(/[đĐ]/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '<')
    .replace(/^<+|<+$/g, '');
}

const pad = (s: string, n: number): string => (s + '<'.repeat(n)).slice(0, n);

/** `1985-03-14` → `850314` */
export function yymmdd(iso: string | null): string {
  if (!iso) return '<<<<<<';
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

export function documentNumber(idNumber: string): string {
  return idNumber.slice(-9);
}

/** Vietnamese names are family name first: surname, then given names after `<<`. */
function nameLine(fullName: string): string {
  const parts = mrzName(fullName).split('<').filter(Boolean);
  const surname = parts[0] ?? '';
  return pad(`${surname}<<${parts.slice(1).join('<')}`, 30);
}

export function td1Lines(identity: SimIdentity): [string, string, string] {
  const c = identity.card;
  const docNo = documentNumber(c.idNumber);
  // Position 30: the check digit of the 12-digit ID number, as on real cards.
  const line1 = `IDVNM${docNo}${mrzCheckDigit(docNo)}${c.idNumber}<<${mrzCheckDigit(c.idNumber)}`;
  const dob = yymmdd(c.dateOfBirth);
  const sex = c.sex ?? '<';
  const exp = identity.mrzExpiry;
  const line2Head = `${dob}${mrzCheckDigit(dob)}${sex}${exp}${mrzCheckDigit(exp)}VNM${pad('', 11)}`;
  const composite =
    line1.slice(5, 30) + line2Head.slice(0, 7) + line2Head.slice(8, 15) + line2Head.slice(18, 29);
  const line2 = line2Head + mrzCheckDigit(composite);
  return [line1, line2, nameLine(c.fullName)];
}

/** The BAC key's MRZ information: document number + cd + DOB + cd + expiry + cd. */
export function mrzInfoFor(identity: SimIdentity): string {
  const docNo = documentNumber(identity.card.idNumber);
  const dob = yymmdd(identity.card.dateOfBirth);
  const exp = identity.mrzExpiry;
  return `${docNo}${mrzCheckDigit(docNo)}${dob}${mrzCheckDigit(dob)}${exp}${mrzCheckDigit(exp)}`;
}
