/**
 * The kiosk keypad types a 15-character BHYT card code (issue 21 item 2): a group code from the
 * references' list or typed as letters, then 13 characters, letters too after the benefit digit
 * (a 2009–2017 card, the team's QR-formats reference §2: `DN401AA319…`); the digits-only flow
 * (12-digit CCCD, 10-digit BHXH number) is as before. The keypad and the one parser agree: every
 * code the parser reads as a card code can be typed, and what the keypad sends is read as one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canSubmit,
  chooseGroup,
  clearEntry,
  deleteOne,
  EMPTY_ENTRY,
  KEYPAD_GROUP_CODES,
  mayTypeLetter,
  openLetters,
  pressDigit,
  pressLetter,
  switchMode,
  typedText,
  type KeypadEntry,
} from '../../../src/renderer/src/kiosk/keypad-entry';
import { readPresentedInput } from '../../../src/shared/presented-input';

const type = (entry: KeypadEntry, digits: string): KeypadEntry =>
  [...digits].reduce(pressDigit, entry);

// The group codes the references name (qr-formats.md §2: the validators' 46).
const REFERENCE_GROUPS =
  'CC TE CK CB KC HN DT DK XD BT TS HT TC CN DN HX CH NN TK HC XK TB NO CT XB TN CS XN MS HD TQ TA TY HG LS HS SV GB GD QN CA CY PV XV YE TV'.split(
    ' ',
  );

describe('the kiosk keypad', () => {
  it('BHYT mode: a group code, then 13 digits, makes a card code the parser reads as typed BHYT', () => {
    let e = switchMode(EMPTY_ENTRY, 'bhyt');
    // Digits wait for the group code.
    expect(pressDigit(e, '1')).toEqual(e);
    e = chooseGroup(e, 'TE');
    e = type(e, '101023052010');
    expect(canSubmit(e)).toBe(false); // 12 of 13
    e = type(e, '19');
    expect(typedText(e)).toBe('TE1010230520101'); // the 14th digit is not taken
    expect(canSubmit(e)).toBe(true);
    const read = readPresentedInput(typedText(e));
    expect(read.ok && read.value).toEqual({
      kind: 'typed-bhyt',
      cardCode: 'TE1010230520101',
      groupCode: 'TE',
    });
  });

  it('offers only group codes the references name, as keys; no other code is taken', () => {
    expect(KEYPAD_GROUP_CODES.length).toBeGreaterThanOrEqual(10);
    for (const code of KEYPAD_GROUP_CODES) expect(REFERENCE_GROUPS).toContain(code);
    const e = switchMode(EMPTY_ENTRY, 'bhyt');
    expect(chooseGroup(e, 'ZZ')).toEqual(e);
    // In digits mode there is no group to choose.
    expect(chooseGroup(EMPTY_ENTRY, 'TE')).toEqual(EMPTY_ENTRY);
  });

  it('delete goes back through the digits to the group; clear and a mode change start afresh', () => {
    let e = type(chooseGroup(switchMode(EMPTY_ENTRY, 'bhyt'), 'DN'), '40');
    e = deleteOne(deleteOne(e));
    expect(e).toEqual({ mode: 'bhyt', group: 'DN', digits: '', letters: false });
    expect(deleteOne(e)).toEqual({ mode: 'bhyt', group: null, digits: '', letters: false });
    e = type(e, '4');
    expect(clearEntry(e)).toEqual({ mode: 'bhyt', group: null, digits: '', letters: false });
    expect(switchMode(e, 'digits')).toEqual(EMPTY_ENTRY);
    expect(switchMode(e, 'bhyt')).toBe(e);
  });

  it('digits mode is as before: a 12-digit ID number or a 10-digit BHXH number, up to 15 digits', () => {
    const id = type(EMPTY_ENTRY, '001099000123');
    expect(typedText(id)).toBe('001099000123');
    expect(canSubmit(id)).toBe(true);
    const read = readPresentedInput(typedText(id));
    expect(read.ok && read.value.kind).toBe('typed-cccd');
    expect(typedText(type(EMPTY_ENTRY, '12345678901234567'))).toHaveLength(15);
    expect(canSubmit(EMPTY_ENTRY)).toBe(false);
  });

  it("an older card's letters after the benefit digit: the letter grid, one letter, then digits again", () => {
    let e = chooseGroup(switchMode(EMPTY_ENTRY, 'bhyt'), 'DN');
    // The benefit digit is always a digit: no letter before it.
    expect(mayTypeLetter(e)).toBe(false);
    expect(openLetters(e)).toEqual(e);
    e = type(e, '401');
    e = openLetters(e);
    expect(e.letters).toBe(true);
    // A letter closes the grid: the digit keys come back.
    e = pressLetter(e, 'A');
    expect(e.letters).toBe(false);
    expect(pressLetter(e, 'A')).toEqual(e); // the grid is closed: no letter
    e = pressLetter(openLetters(e), 'A');
    e = type(e, '31912345');
    // The reference's 2009–2017 shape, DN401AA319 + a 5-digit serial.
    expect(typedText(e)).toBe('DN401AA31912345');
    expect(canSubmit(e)).toBe(true);
    expect(mayTypeLetter(e)).toBe(false); // whole
    const read = readPresentedInput(typedText(e));
    expect(read.ok && read.value).toEqual({
      kind: 'typed-bhyt',
      cardCode: 'DN401AA31912345',
      groupCode: 'DN',
    });
  });

  it('a group with no key is typed as two letters', () => {
    let e = openLetters(switchMode(EMPTY_ENTRY, 'bhyt'));
    e = pressLetter(e, 'X');
    expect(e).toMatchObject({ group: 'X', letters: true });
    expect(pressDigit(e, '4')).toEqual(e); // half a group takes no digit
    e = pressLetter(e, 'V');
    expect(e).toMatchObject({ group: 'XV', letters: false });
    e = type(e, '4797912345678');
    expect(typedText(e)).toBe('XV4797912345678');
    expect(canSubmit(e)).toBe(true);
    expect(pressLetter(e, 'a')).toEqual(e);
  });

  it('every code the parser reads as a typed card code can be typed, and the keypad sends only such codes', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const code = fc
      .tuple(
        fc.oneof(
          fc.constantFrom(...KEYPAD_GROUP_CODES),
          fc.tuple(letter, letter).map(([a, b]) => a + b),
        ),
        digit,
        fc.array(fc.oneof(digit, letter), { minLength: 12, maxLength: 12 }),
      )
      .map(([g, level, rest]) => g + level + rest.join(''));
    fc.assert(
      fc.property(code, (text) => {
        const parsed = readPresentedInput(text);
        expect(parsed.ok && parsed.value.kind).toBe('typed-bhyt');
        // Typed as a person would: the group's key when there is one, else its two letters.
        let e = switchMode(EMPTY_ENTRY, 'bhyt');
        const group = text.slice(0, 2);
        e = (KEYPAD_GROUP_CODES as readonly string[]).includes(group)
          ? chooseGroup(e, group)
          : [...group].reduce(pressLetter, openLetters(e));
        for (const c of text.slice(2)) {
          e = /\d/.test(c) ? pressDigit(e, c) : pressLetter(openLetters(e), c);
        }
        expect(typedText(e)).toBe(text);
        expect(canSubmit(e)).toBe(true);
      }),
    );
    // Whatever the BHYT keys are pressed in, a code the keypad lets through is a typed card code.
    const press = fc.oneof(
      digit.map((d) => (e: KeypadEntry) => pressDigit(e, d)),
      letter.map((l) => (e: KeypadEntry) => pressLetter(openLetters(e), l)),
      fc.constantFrom(...KEYPAD_GROUP_CODES).map((g) => (e: KeypadEntry) => chooseGroup(e, g)),
      fc.constant(deleteOne),
    );
    fc.assert(
      fc.property(fc.array(press, { maxLength: 40 }), (presses) => {
        const e = presses.reduce((acc, p) => p(acc), switchMode(EMPTY_ENTRY, 'bhyt'));
        expect(typedText(e).length).toBeLessThanOrEqual(15);
        if (canSubmit(e)) {
          const read = readPresentedInput(typedText(e));
          expect(read.ok && read.value.kind).toBe('typed-bhyt');
        }
      }),
    );
  });
});
