import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/src/i18n/en.json';
import vi from '../../../src/renderer/src/i18n/vi.json';
import { adviceFor, messageAlreadyAdvises } from '../../../src/renderer/src/lib/error-advice';
import type { KioskErrorShape } from '../../../src/shared/errors';

/** Leaf keys, with i18next plural suffixes folded (Vietnamese has only `_other`). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
  );
}

function error(code: string, en = 'Something happened.', retryable = false): KioskErrorShape {
  return { code, message: { vi: 'Có sự cố.', en }, retryable };
}

describe('translations', () => {
  it('Vietnamese and English have the same keys', () => {
    expect([...new Set(keys(vi))].sort()).toEqual([...new Set(keys(en))].sort());
  });

  it('every advice has a sentence in both languages', () => {
    for (const advice of ['moveCard', 'scanAgain', 'tryAgain', 'callStaff', 'deskCheck']) {
      expect(vi.advice[advice as keyof typeof vi.advice]).toMatch(/\.$/);
      expect(en.advice[advice as keyof typeof en.advice]).toMatch(/\.$/);
    }
  });
});

describe('next-step advice for errors', () => {
  it.each([
    ['CARD_REMOVED', 'moveCard'],
    ['CARD_NO_CARD', 'moveCard'],
    ['CARD_TIMEOUT', 'moveCard'],
    ['CARD_KEY_NEEDS_DOB', 'scanAgain'],
    ['CARD_PACE_PASSWORD_UNSUPPORTED', 'scanAgain'],
    ['CARD_READER_NOT_FOUND', 'callStaff'],
    ['STORE_FULL', 'callStaff'],
    ['CARD_WRONG_KEY', 'scanAgain'],
    ['CARD_NOT_CCCD', 'callStaff'],
    ['INSURANCE_UNAVAILABLE', 'deskCheck'],
    ['PRINT_NO_PAPER', 'callStaff'],
    ['CARD_DATA_MISMATCH', 'chipData'],
    ['CARD_DATA_NO_ID', 'chipData'],
    ['APP_DISCONNECTED', 'callStaff'],
  ])('%s → %s', (code, advice) => {
    expect(adviceFor(error(code))).toBe(advice);
  });

  it('falls back on retryable: try again, otherwise call staff', () => {
    expect(adviceFor(error('CHECKIN_SOMETHING', 'x', true))).toBe('tryAgain');
    expect(adviceFor(error('CHECKIN_SOMETHING'))).toBe('callStaff');
  });

  it('does not repeat advice the message already gives', () => {
    expect(messageAlreadyAdvises(error('X', 'Please call a member of staff.'), 'en')).toBe(true);
    expect(messageAlreadyAdvises(error('X', 'The printer is off.'), 'en')).toBe(false);
  });
});
