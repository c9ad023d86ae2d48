/**
 * The MRZ information BAC keys are made from (ICAO 9303-11 §9.7.2): document number, date of
 * birth and date of expiry, each followed by its ICAO 9303-3 check digit.
 */

const WEIGHTS = [7, 3, 1] as const;

/** ICAO 9303-3 §4.9 check digit: weights 7-3-1, `<` = 0, digits, A-Z = 10-35. */
export function mrzCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    const v = c === '<' ? 0 : c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    if (v < 0 || v > 35) throw new RangeError(`character ${JSON.stringify(c)} is not MRZ`);
    sum += v * WEIGHTS[i % 3]!;
  }
  return String(sum % 10);
}

/** `1985-03-14` → `850314` */
export function isoToYymmdd(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/** The CCCD's MRZ document number: the last 9 digits of the 12-digit ID number. */
export function cccdDocumentNumber(idNumber: string): string {
  return idNumber.slice(-9);
}

/**
 * docNo + cd + dob + cd + expiry + cd. The document number is padded with `<` to 9 characters;
 * dates are YYMMDD as in the MRZ.
 */
export function composeMrzInfo(
  documentNumber: string,
  dobYymmdd: string,
  expiryYymmdd: string,
): string {
  const doc = (documentNumber + '<'.repeat(9)).slice(0, Math.max(9, documentNumber.length));
  return (
    doc +
    mrzCheckDigit(doc) +
    dobYymmdd +
    mrzCheckDigit(dobYymmdd) +
    expiryYymmdd +
    mrzCheckDigit(expiryYymmdd)
  );
}
