/**
 * What the kiosk keypad has typed, as plain functions (the keypad component only draws it).
 * Two modes: digits (the 12-digit CCCD number or the 10-digit social-insurance number, as
 * before) and "BHYT" (issue 21): a 2-letter group code chosen from large keys, then the 13
 * characters after it, for the 15-character card code. Cards of 2009–2017 may have letters after
 * the benefit digit (the team's QR-formats reference §2: `DN401AA319…`, letters in the district
 * part), and a card's group may not be among the keys: a letter grid, opened by one key, types
 * either, one letter at a time, so that every code main reads as a card code (CARD_CODE_15) can
 * be typed here. Main reads the result (src/shared/presented-input).
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
  /** The group code (BHYT mode only): a key's two letters, or one or two typed as letters. */
  group: string | null;
  /** Digits; in BHYT mode the 13 characters after the group (letters only by the letter grid). */
  digits: string;
  /** The letter grid is showing in place of the digits (BHYT mode only). */
  letters: boolean;
}

export const EMPTY_ENTRY: KeypadEntry = { mode: 'digits', group: null, digits: '', letters: false };

/** The longest a digits-only entry grows (the longest shape main reads, 15). */
const MAX_DIGITS = 15;
/** A 15-character card code is the group (2 letters) and 13 more characters. */
export const BHYT_DIGITS = 13;

/** A new mode starts empty: half a CCCD number is no start of a card code. */
export const switchMode = (entry: KeypadEntry, mode: KeypadMode): KeypadEntry =>
  entry.mode === mode ? entry : { ...EMPTY_ENTRY, mode };

/** The group's two letters are there: the 13 characters after it come next. */
export const hasGroup = (entry: KeypadEntry): boolean => entry.group?.length === 2;

export function chooseGroup(entry: KeypadEntry, group: string): KeypadEntry {
  if (entry.mode !== 'bhyt' || !(KEYPAD_GROUP_CODES as readonly string[]).includes(group)) {
    return entry;
  }
  return { ...entry, group, digits: '', letters: false };
}

export function pressDigit(entry: KeypadEntry, digit: string): KeypadEntry {
  if (!/^\d$/.test(digit)) return entry;
  if (entry.mode === 'bhyt') {
    // The group comes first: the keys above the digits ask for it.
    if (!hasGroup(entry) || entry.digits.length >= BHYT_DIGITS) return entry;
    return { ...entry, digits: entry.digits + digit };
  }
  return entry.digits.length >= MAX_DIGITS ? entry : { ...entry, digits: entry.digits + digit };
}

/**
 * Whether a letter may come next (BHYT mode): the group's letters, or after the benefit digit
 * (always a digit) any of the 12 characters left.
 */
export function mayTypeLetter(entry: KeypadEntry): boolean {
  if (entry.mode !== 'bhyt') return false;
  if (!hasGroup(entry)) return true;
  return entry.digits.length >= 1 && entry.digits.length < BHYT_DIGITS;
}

/** The letter grid in place of the digits, when a letter may come next. */
export const openLetters = (entry: KeypadEntry): KeypadEntry =>
  mayTypeLetter(entry) ? { ...entry, letters: true } : entry;

export const closeLetters = (entry: KeypadEntry): KeypadEntry => ({ ...entry, letters: false });

/**
 * One letter: to the group while it has fewer than two (the grid stays for the second), else
 * after the benefit digit, and the digits come back (one letter at a time, as cards have them).
 */
export function pressLetter(entry: KeypadEntry, letter: string): KeypadEntry {
  if (!/^[A-Z]$/.test(letter) || !entry.letters || !mayTypeLetter(entry)) return entry;
  if (!hasGroup(entry)) {
    const group = (entry.group ?? '') + letter;
    return { ...entry, group, letters: group.length < 2 };
  }
  return { ...entry, digits: entry.digits + letter, letters: false };
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
