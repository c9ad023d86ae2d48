/**
 * The one door for identity text, typed or scanned, at the kiosk, the desk and the CLI: its
 * shape says what it is (the team's QR-formats reference).
 *
 * - ends with the `|$` part → BHYT card QR (paper, plastic or VssID);
 * - `|` fields starting with 12 digits → CCCD / thẻ căn cước QR (7 or 11 fields);
 * - digits (and a BHYT code's letters) alone → a typed number, by its length;
 * - anything else is not card text. A VNeID QR is a one-minute token for an officer's own
 *   VNeID app (letter 1101/BCA-QLHC), never card text: it is refused with what to do instead.
 *   Its text is unpublished, so a URL or a text naming VNeID is taken for it; other text gets
 *   the general "not a card".
 *
 * Never throws: every input is a value or one typed error. Nothing here is a verified identity
 * (a QR or a number can be made up): callers mark what comes from here by its source.
 */
import type { CardQr } from '../identity-input';
import { readBhytQr, endsLikeBhytQr, looksLikeUnfinishedBhytQr, type BhytQr } from './bhyt-qr';
import { looksLikeCccdQr, readCccdQr } from './cccd-qr';
import { inputError, type PresentedInputError } from './errors';
import { normaliseScan } from './normalise';
import { readTypedNumber, type TypedNumber } from './typed-number';

/** Longer than any card QR seen (17 parts with two addresses stay under 1 000 characters). */
export const MAX_INPUT_LENGTH = 2000;

export type PresentedInput =
  /** `text`: the cleaned QR text, for the chip key (the CAN and MRZ keys come from it). */
  { kind: 'cccd-qr'; text: string; qr: CardQr } | { kind: 'bhyt-qr'; card: BhytQr } | TypedNumber;

export type PresentedInputKind = PresentedInput['kind'];

export type PresentedInputRead =
  { ok: true; value: PresentedInput } | { ok: false; error: PresentedInputError };

const fail = (error: PresentedInputError): PresentedInputRead => ({ ok: false, error });

const VNEID_HINT = /vneid|^[a-z][a-z0-9+.-]*:\/\//i;

export function readPresentedInput(input: unknown): PresentedInputRead {
  if (typeof input !== 'string') return fail(inputError('INPUT_EMPTY'));
  if (input.length > MAX_INPUT_LENGTH * 2) return fail(inputError('INPUT_TOO_LONG'));
  const text = normaliseScan(input);
  if (text === '') return fail(inputError('INPUT_EMPTY'));
  if (text.length > MAX_INPUT_LENGTH) return fail(inputError('INPUT_TOO_LONG'));

  if (text.includes('|')) {
    const parts = text.split('|');
    if (endsLikeBhytQr(parts)) {
      const read = readBhytQr(parts);
      return read.ok ? { ok: true, value: { kind: 'bhyt-qr', card: read.value } } : read;
    }
    if (looksLikeCccdQr(parts)) {
      const read = readCccdQr(text, parts);
      return read.ok ? { ok: true, value: { kind: 'cccd-qr', text, qr: read.value } } : read;
    }
    if (looksLikeUnfinishedBhytQr(parts)) return fail(inputError('INPUT_BHYT_QR_UNFINISHED'));
    return fail(inputError('INPUT_NOT_A_CARD'));
  }
  const typed = readTypedNumber(text);
  if (typed) return typed;
  return fail(inputError(VNEID_HINT.test(text) ? 'INPUT_VNEID_QR' : 'INPUT_NOT_A_CARD'));
}
