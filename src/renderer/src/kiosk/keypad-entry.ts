/**
 * What the kiosk keypad has typed, as plain functions (the keypad component only draws it).
 * Two modes: digits (the 12-digit CCCD number or the 10-digit social-insurance number, as
 * before) and "BHYT" (issue 21): a 2-letter group code chosen from large keys, then the 13 digits
 * after it, for the 15-character card code. Main reads the result (src/shared/presented-input).
 */
import { CARD_CODE_15 } from '../../../shared/presented-input/bhyt-qr';

/**
 * The group codes offered as keys: the most common beneficiary groups, every one named in the
 * team's references (qr-formats.md §2, the 46 codes of validators; bhyt-gateway.md §4, the
 * levels). A card of another group is typed by its last ten digits (the social-insurance
 * number), which the gateway answers just as well.
 */
export const KEYPAD_GROUP_CODES = [
  'DN',
  'HC',
  'HS',
  'SV',
  'GD',
  'HN',
  'TE',
  'CC',
  'CN',
  'HT',
  'BT',
  'XB',
  'NO',
  'CK',
  'TS',
  'QN',
] as const;

export type KeypadMode = 'digits' | 'bhyt';

export interface KeypadEntry {
  mode: KeypadMode;
  /** The chosen group code (BHYT mode only). */
  group: string | null;
  digits: string;
}

export const EMPTY_ENTRY: KeypadEntry = { mode: 'digits', group: null, digits: '' };

/** The longest a digits-only entry grows (the longest shape main reads, 15). */
const MAX_DIGITS = 15;
/** A 15-character card code is the group (2 letters) and 13 more characters. */
export const BHYT_DIGITS = 13;

/** A new mode starts empty: half a CCCD number is no start of a card code. */
export const switchMode = (entry: KeypadEntry, mode: KeypadMode): KeypadEntry =>
  entry.mode === mode ? entry : { mode, group: null, digits: '' };

export function chooseGroup(entry: KeypadEntry, group: string): KeypadEntry {
  if (entry.mode !== 'bhyt' || !(KEYPAD_GROUP_CODES as readonly string[]).includes(group)) {
    return entry;
  }
  return { ...entry, group, digits: '' };
}

export function pressDigit(entry: KeypadEntry, digit: string): KeypadEntry {
  if (!/^\d$/.test(digit)) return entry;
  if (entry.mode === 'bhyt') {
    // The group comes first: the keys above the digits ask for it.
    if (!entry.group || entry.digits.length >= BHYT_DIGITS) return entry;
    return { ...entry, digits: entry.digits + digit };
  }
  return entry.digits.length >= MAX_DIGITS ? entry : { ...entry, digits: entry.digits + digit };
}

/** One character back; past the digits, the group code goes too. */
export function deleteOne(entry: KeypadEntry): KeypadEntry {
  if (entry.digits) return { ...entry, digits: entry.digits.slice(0, -1) };
  return entry.group ? { ...entry, group: null } : entry;
}

export const clearEntry = (entry: KeypadEntry): KeypadEntry => ({
  ...EMPTY_ENTRY,
  mode: entry.mode,
});

/** The text sent to main. */
export const typedText = (entry: KeypadEntry): string => (entry.group ?? '') + entry.digits;

/** Digits: anything (main says what is wrong); BHYT: only a whole card code. */
export function canSubmit(entry: KeypadEntry): boolean {
  if (entry.mode === 'digits') return entry.digits.length > 0;
  return CARD_CODE_15.test(typedText(entry));
}
