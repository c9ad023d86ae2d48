/**
 * The kiosk keypad types a 15-character BHYT card code (issue 21 item 2): a group code from the
 * references' list, then 13 digits; the digits-only flow (12-digit CCCD, 10-digit BHXH number)
 * is as before. What the keypad sends is what the one parser reads as that kind.
 */
import { describe, expect, it } from 'vitest';
import {
  canSubmit,
  chooseGroup,
  clearEntry,
  deleteOne,
  EMPTY_ENTRY,
  KEYPAD_GROUP_CODES,
  pressDigit,
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
    expect(e).toEqual({ mode: 'bhyt', group: 'DN', digits: '' });
    expect(deleteOne(e)).toEqual({ mode: 'bhyt', group: null, digits: '' });
    e = type(e, '4');
    expect(clearEntry(e)).toEqual({ mode: 'bhyt', group: null, digits: '' });
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
});
