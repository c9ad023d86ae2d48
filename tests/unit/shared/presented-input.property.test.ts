/**
 * Properties of the one door for identity text: whatever arrives, it is a value or one typed
 * error (never a throw), and any Vietnamese name survives the BHYT QR's hex of UTF-8, also
 * upper-cased and through a Telex IME. The hex is made here with Node's Buffer, not our writer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeHexText,
  readPresentedInput,
  type PresentedInputErrorCode,
} from '../../../src/shared/presented-input';

const CODES: readonly PresentedInputErrorCode[] = [
  'INPUT_EMPTY',
  'INPUT_TOO_LONG',
  'INPUT_NOT_A_CARD',
  'INPUT_VNEID_QR',
  'INPUT_CCCD_QR_FIELDS',
  'INPUT_CCCD_QR_DOB',
  'INPUT_BHYT_QR_UNFINISHED',
  'INPUT_BHYT_QR_FIELDS',
  'INPUT_BHYT_QR_CODE',
  'INPUT_BHYT_QR_NAME',
  'INPUT_BHYT_QR_DOB',
  'INPUT_BHYT_QR_SEX',
  'INPUT_TYPED_OLD_CMND',
  'INPUT_TYPED_LENGTH',
  'INPUT_TYPED_BHYT',
];

function valueOrOneTypedError(input: unknown): void {
  const read = readPresentedInput(input);
  if (read.ok) {
    expect(typeof read.value.kind).toBe('string');
  } else {
    expect(CODES).toContain(read.error.code);
    expect(read.error.message.vi).not.toBe('');
    expect(read.error.message.en).not.toBe('');
  }
}

/** Fields like a card's: hex, dates, digits, `-`, empty, spaces, Vietnamese letters. */
const fieldArb = fc.oneof(
  fc.constantFrom('-', '', ' ', '1', '2', '4', '$', '15/08/1990', '1950', '31/02/1990', '79 - 001'),
  fc.stringMatching(/^[0-9a-fA-F]{0,40}$/),
  fc.stringMatching(/^\d{8,15}$/),
  fc.stringMatching(/^[A-Z]{2}\d{13}$/),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('any text → a value or one typed error', () => {
  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), valueOrOneTypedError), {
      numRuns: 2000,
    });
  });

  it('never throws on card-like `|` texts, with or without the `$` end', () => {
    fc.assert(
      fc.property(fc.array(fieldArb, { minLength: 1, maxLength: 20 }), fc.boolean(), (f, end) =>
        valueOrOneTypedError(end ? [...f, '$'].join('|') : f.join('|')),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on values that are not strings', () => {
    fc.assert(fc.property(fc.anything(), valueOrOneTypedError), { numRuns: 300 });
  });
});

const VI_LETTERS = [
  ...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ',
];
const nameArb = fc
  .array(
    fc.array(fc.constantFrom(...VI_LETTERS), { minLength: 1, maxLength: 7 }).map((w) => w.join('')),
    { minLength: 1, maxLength: 5 },
  )
  .map((words) => words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '));

const hexOf = (s: string): string => Buffer.from(s, 'utf8').toString('hex');

/** What a Telex IME does to typed hex, as §0 of the reference lists it (adjacent keys only). */
function telex(hex: string): string {
  const out: string[] = [];
  for (const ch of hex) {
    const prev = out[out.length - 1];
    const lower = ch.toLowerCase();
    const up = ch !== lower;
    if (prev && (lower === 'a' || lower === 'e') && prev.toLowerCase() === lower) {
      out[out.length - 1] = (lower === 'a' ? 'â' : 'ê')[up ? 'toUpperCase' : 'toLowerCase']();
    } else if (prev && lower === 'd' && prev.toLowerCase() === 'd') {
      out[out.length - 1] = up ? 'Đ' : 'đ';
    } else if (prev && lower === 'f' && /^[aâeêAÂEÊ]$/.test(prev)) {
      out[out.length - 1] = `${prev}\u0300`.normalize('NFC');
    } else {
      out.push(ch);
    }
  }
  return out.join('');
}

describe('hex of UTF-8 names', () => {
  it('any Vietnamese name round-trips, lower- or upper-case hex', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        expect(decodeHexText(hexOf(name))).toBe(name.normalize('NFC'));
        expect(decodeHexText(hexOf(name).toUpperCase())).toBe(name.normalize('NFC'));
      }),
      { numRuns: 1000 },
    );
  });

  it('any Vietnamese name round-trips through a Telex IME', () => {
    fc.assert(
      fc.property(nameArb, fc.boolean(), (name, upper) => {
        const hex = upper ? hexOf(name).toUpperCase() : hexOf(name);
        expect(decodeHexText(telex(hex))).toBe(name);
      }),
      { numRuns: 1000 },
    );
  });

  it('the name field of a whole BHYT QR round-trips', () => {
    fc.assert(
      // The gateway refuses one-letter names, so the reader does too (NAME_MIN_LENGTH).
      fc.property(
        nameArb.filter((n) => n.length >= 2),
        (name) => {
          const qr = `GD4790123456789|${hexOf(name)}|15/08/1990|1|-|79 - 001|01/01/2020|-|20/12/2019|79010123456789|-|4|01/01/2025|0000000000000000-7102|$`;
          const read = readPresentedInput(qr);
          expect(read.ok && read.value.kind === 'bhyt-qr' && read.value.card.fullName).toBe(name);
        },
      ),
      { numRuns: 300 },
    );
  });
});
