/**
 * The keys a returning patient is found by (issue 21): the CCCD number, the BHYT card code and
 * the 10-digit social-insurance number, each prefixed by its kind so that a 10-digit number can
 * never be taken for part of another. Pure.
 */
import type { InsuranceResult } from '../../shared/domain';
import type { TypedNumber } from '../../shared/presented-input';

export const cccdKey = (idNumber: string): string => `cccd:${idNumber}`;
export const cardKey = (code: string): string => `bhyt:${code.toUpperCase()}`;
export const socialInsuranceKey = (n: string): string => `bhxh:${n}`;

/** The key a typed number is looked up by. */
export function keyOfTyped(typed: TypedNumber): string {
  switch (typed.kind) {
    case 'typed-cccd':
      return cccdKey(typed.idNumber);
    case 'typed-bhyt':
      return cardKey(typed.cardCode);
    case 'typed-social-insurance':
      return socialInsuranceKey(typed.socialInsuranceNumber);
  }
}

/** The social-insurance number inside a post-2017 15-character code, or a 10-digit code. */
export function socialInsuranceOf(code: string | null): string | null {
  if (!code) return null;
  if (/^\d{10}$/.test(code)) return code;
  return /^[A-Z]{2}[1-5]\d{12}$/.test(code) ? code.slice(5) : null;
}

/** Every key this person can be found by, from who they are and what the service answered. */
export function patientKeys(
  idNumber: string,
  cardNumbers: ReadonlyArray<string | null>,
  result: InsuranceResult | null,
): string[] {
  const keys = new Set<string>();
  if (idNumber) keys.add(cccdKey(idNumber));
  const codes = [
    ...cardNumbers,
    result?.card?.number ?? null,
    result?.replacement?.number ?? null,
  ].filter((c): c is string => Boolean(c));
  for (const code of codes) {
    keys.add(/^\d{10}$/.test(code) ? socialInsuranceKey(code) : cardKey(code));
    const si = socialInsuranceOf(code);
    if (si) keys.add(socialInsuranceKey(si));
  }
  const si = result?.card?.socialInsuranceNumber;
  if (si && /^\d{10}$/.test(si)) keys.add(socialInsuranceKey(si));
  return [...keys];
}
