/**
 * What a 15-character BHYT card code says by itself: beneficiary group (2 letters), the benefit
 * level digit (1-5), the province (2 digits) and the 10-digit social-insurance number,
 * e.g. `HS4010120878811` = HS, level 4, province 01, 0120878811.
 */
import { BHYT_NUMBER } from '../../shared/identity-input';
export { BHYT_NUMBER, ID_NUMBER as CCCD_NUMBER } from '../../shared/identity-input';

export interface DecodedCardNumber {
  group: string;
  printedLevel: number;
  province: string;
  socialInsuranceNumber: string;
}

export function normalizeCardNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function decodeCardNumber(value: string | null): DecodedCardNumber | null {
  if (!value) return null;
  const n = normalizeCardNumber(value);
  if (!BHYT_NUMBER.test(n)) return null;
  return {
    group: n.slice(0, 2),
    printedLevel: Number(n[2]),
    province: n.slice(3, 5),
    socialInsuranceNumber: n.slice(5),
  };
}
