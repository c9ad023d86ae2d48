import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorKind, isErrorCode } from '../../../src/shared/error-codes';
import type { KioskErrorShape } from '../../../src/shared/errors';
import { adviceFor } from '../../../src/renderer/src/lib/error-advice';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * Codes written in src the ways an error gets one: kioskError('X', ...), code: 'X', = 'X', or a
 * member of a typed union of codes (`  | 'X'`) that a module's errors are made from.
 */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /kioskError\(\s*'([A-Z][A-Z0-9_]+)'/g,
    /\bcode: '([A-Z][A-Z0-9]*_[A-Z0-9_]+|INTERNAL)'/g,
    /(?:REFUSED|CODE) = '([A-Z][A-Z0-9_]+)'/g,
    /^ {2}\| '([A-Z][A-Z0-9]*_[A-Z0-9_]+)';?$/gm,
  ];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) if (!found.has(m[1]!)) found.set(m[1]!, file);
    }
  }
  return found;
}

const shape = (code: string, retryable = false): KioskErrorShape => ({
  code,
  message: { vi: 'x', en: 'x' },
  retryable,
});

describe('the error-code registry', () => {
  it('holds every code the source gives an error', () => {
    const missing = [...codesInSource()]
      .filter(([code]) => !isErrorCode(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('holds no code the source never gives', () => {
    const used = codesInSource();
    expect(Object.keys(ERROR_CODES).filter((code) => !used.has(code))).toEqual([]);
  });

  it('gives every registered code a next step that follows its kind', () => {
    const expected = {
      'chip-data': ['chipData', 'chipData'],
      'card-contact': ['moveCard', 'moveCard'],
      'card-key': ['scanAgain', 'scanAgain'],
      'reader-setup': ['callStaff', 'callStaff'],
      insurance: ['deskCheck', 'deskCheck'],
      system: ['callStaff', 'callStaff'],
      request: ['callStaff', 'tryAgain'],
    } as const;
    for (const [code, kind] of Object.entries(ERROR_CODES)) {
      expect([adviceFor(shape(code)), adviceFor(shape(code, true))], code).toEqual(expected[kind]);
    }
  });

  it('knows no kind for a code from elsewhere, and the screen then goes by retryable', () => {
    expect(errorKind('SOMETHING_NEW')).toBeNull();
    expect(adviceFor(shape('SOMETHING_NEW', true))).toBe('tryAgain');
    expect(adviceFor(shape('SOMETHING_NEW'))).toBe('callStaff');
  });
});
