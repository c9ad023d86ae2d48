import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from '../../../src/renderer/src/lib/keyboard-wedge';

/** Feeds `text` then Enter, one key every `gapMs`, and returns what the detector reported. */
function type(text: string, gapMs: number, start = 1000): (string | null)[] {
  const detector = createWedgeDetector();
  const out: (string | null)[] = [];
  let t = start;
  for (const key of [...text, 'Enter']) {
    out.push(detector.feed(key, t));
    t += gapMs;
  }
  return out;
}

const QR = '001085012345||Nguyễn Văn An|14031985|Nam|Số 12 Ngõ 34|02042025';

describe('keyboard-wedge QR detection', () => {
  it('returns the whole text of a fast burst ending in Enter, diacritics included', () => {
    const out = type(QR, 8);
    expect(out.at(-1)).toBe(QR);
    expect(out.slice(0, -1).every((r) => r === null)).toBe(true);
  });

  it('ignores a person typing at human speed', () => {
    expect(type('001085012345', 120).at(-1)).toBeNull();
  });

  it('ignores a short fast burst (a person pressing keys then Enter)', () => {
    expect(type('12', 5).at(-1)).toBeNull();
  });

  it('drops slow keys typed before a scan and keeps only the burst', () => {
    const detector = createWedgeDetector();
    detector.feed('x', 0);
    detector.feed('y', 500);
    let t = 1500;
    for (const key of QR) detector.feed(key, (t += 10));
    expect(detector.feed('Enter', t + 10)).toBe(QR);
  });

  it('skips modifier keys a scanner sends between characters', () => {
    const detector = createWedgeDetector();
    let t = 0;
    for (const key of 'ABCDEFGHIJK') {
      detector.feed('Shift', (t += 3));
      detector.feed(key, (t += 3));
    }
    expect(detector.feed('Enter', t + 3)).toBe('ABCDEFGHIJK');
  });

  it('needs a new burst after a scan', () => {
    const detector = createWedgeDetector();
    let t = 0;
    for (const key of QR) detector.feed(key, (t += 5));
    expect(detector.feed('Enter', (t += 5))).toBe(QR);
    expect(detector.feed('Enter', (t += 5))).toBeNull();
  });

  it('says which keys belong to a burst, so they can be kept away from focused buttons', () => {
    const detector = createWedgeDetector();
    detector.feed('a', 0);
    expect(detector.inBurst()).toBe(false);
    detector.feed(' ', 5);
    expect(detector.inBurst()).toBe(true);
    detector.feed('b', 400);
    expect(detector.inBurst()).toBe(false);
  });

  it('keeps the whole scan when the machine stalls once between two keys', () => {
    const detector = createWedgeDetector();
    let t = 0;
    [...QR].forEach((key, i) => detector.feed(key, (t += i === 1 ? 120 : 4)));
    expect(detector.feed('Enter', t + 4)).toBe(QR);
  });

  it('does not take two stalls, or slow human typing, for one scan', () => {
    const detector = createWedgeDetector();
    let t = 0;
    [...QR].forEach((key, i) => detector.feed(key, (t += i === 1 || i === 3 ? 120 : 4)));
    expect(detector.feed('Enter', t + 4)).toBe(QR.slice(1));
    expect(type('0010850123456789', 90).at(-1)).toBeNull();
  });

  it('gives up on a burst interrupted by a long pause before Enter', () => {
    const detector = createWedgeDetector();
    let t = 0;
    for (const key of QR) detector.feed(key, (t += 5));
    expect(detector.feed('Enter', t + 300)).toBeNull();
  });
});
