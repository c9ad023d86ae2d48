/**
 * The CCCD front QR (2021 model, 7 fields) and the thẻ căn cước back QR (from 07/2024, 11
 * fields, the last four empty in every sample): the team's QR-formats reference §3. The field layout is
 * read by the one CCCD QR reader in ../identity-input.ts; this adds the shape that routes a
 * text here and the typed errors.
 */
import { ID_NUMBER, parseCardQr, type CardQr } from '../identity-input';
import { inputError, type PresentedInputError } from './errors';

/**
 * 7 fields (2021 model) and 11 (thẻ căn cước) are seen on real cards. Whether a card issued
 * later has more is unknown (reference §9), so more than 7 are read too, the first 7 by the same
 * layout and the rest kept as given; fewer than 7 is a broken scan.
 */
export const CCCD_QR_MIN_FIELDS = 7;

/** Starts with a 12-digit ID number and has `|` fields: a CCCD QR, maybe a damaged one. */
export const looksLikeCccdQr = (parts: readonly string[]): boolean =>
  parts.length > 1 && ID_NUMBER.test(parts[0]!.trim());

export function readCccdQr(
  text: string,
  parts: readonly string[],
): { ok: true; value: CardQr } | { ok: false; error: PresentedInputError } {
  if (parts.length < CCCD_QR_MIN_FIELDS) {
    return { ok: false, error: inputError('INPUT_CCCD_QR_FIELDS', `${parts.length} fields`) };
  }
  const parsed = parseCardQr(text);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    error:
      parsed.error === 'qrDateOfBirth'
        ? inputError('INPUT_CCCD_QR_DOB', 'field 3')
        : inputError('INPUT_CCCD_QR_FIELDS', parsed.error),
  };
}
