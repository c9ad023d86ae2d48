/**
 * A number typed on the kiosk keypad or at the desk, by its length (the team's QR-formats reference §5):
 * 12 digits = CCCD number, 15 characters = BHYT card code, 10 digits = the social-insurance
 * number (mã số BHXH, alone the code of a 2021-model card). Spaces, dots, hyphens, commas and
 * underscores people type between groups are dropped and letters upper-cased, as desks do.
 * Ten digits could also be a hospital's own patient code; this project has none, so they are
 * the social-insurance number.
 */
import { ID_NUMBER } from '../identity-input';
import { CARD_CODE_15, SOCIAL_INSURANCE_NUMBER } from './bhyt-qr';
import { inputError, type PresentedInputError } from './errors';

export type TypedNumber =
  | { kind: 'typed-cccd'; idNumber: string }
  | { kind: 'typed-bhyt'; cardCode: string; groupCode: string }
  | { kind: 'typed-social-insurance'; socialInsuranceNumber: string };

/** What a person may type between groups of a number. */
const SEPARATORS = /[\s.\-_,]/g;

/** The typed text without separators, upper-case: what the shapes are tested on. */
export const compactTyped = (text: string): string => text.replace(SEPARATORS, '').toUpperCase();

/**
 * The number `text` is, a typed error for a number of the wrong shape, or null when `text` is not
 * a typed number at all (other characters: let the caller try other shapes).
 */
export function readTypedNumber(
  text: string,
): { ok: true; value: TypedNumber } | { ok: false; error: PresentedInputError } | null {
  const t = compactTyped(text);
  if (!/^[0-9A-Z]+$/.test(t)) return null;
  if (ID_NUMBER.test(t)) return { ok: true, value: { kind: 'typed-cccd', idNumber: t } };
  if (SOCIAL_INSURANCE_NUMBER.test(t)) {
    return { ok: true, value: { kind: 'typed-social-insurance', socialInsuranceNumber: t } };
  }
  if (CARD_CODE_15.test(t)) {
    return { ok: true, value: { kind: 'typed-bhyt', cardCode: t, groupCode: t.slice(0, 2) } };
  }
  if (/^\d{9}$/.test(t)) return { ok: false, error: inputError('INPUT_TYPED_OLD_CMND') };
  if (/^\d+$/.test(t)) {
    return { ok: false, error: inputError('INPUT_TYPED_LENGTH', `${t.length} digits`) };
  }
  if (/^[A-Z]{2}\d/.test(t)) {
    return { ok: false, error: inputError('INPUT_TYPED_BHYT', `${t.length} characters`) };
  }
  return null;
}
