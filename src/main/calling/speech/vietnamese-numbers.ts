/**
 * Numbers in Vietnamese words, the way a hospital announcer reads them. Pure functions.
 *
 * Two readings are needed: a queue number's digits are read one by one ("004" → "không không
 * bốn", so that the patient matches it against the slip), and a room number is read as a number
 * ("101" → "một trăm lẻ một"). The number reading follows the spoken rules:
 * - "mười" for ten, "mươi" after a tens digit from two up ("hai mươi");
 * - one after "mươi" is "mốt" ("hai mươi mốt"), but "mười một" stays;
 * - five after a tens digit is "lăm" ("mười lăm", "hai mươi lăm"), but not after "lẻ";
 * - a zero tens digit before a non-zero unit is "lẻ" ("một trăm lẻ năm"; "linh" in the south);
 * - a zero hundreds digit inside a bigger number is "không trăm" ("một nghìn không trăm lẻ một").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

export interface NumberReadingOptions {
  /** The word for a zero tens digit: northern "lẻ" (default) or southern "linh". */
  zeroTens?: 'lẻ' | 'linh';
}

/** "004" → "không không bốn". Non-digits are refused: the caller decides how letters are read. */
export function digitsOneByOne(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a string of digits: ${digits}`);
  return [...digits].map((d) => DIGITS[Number(d)]).join(' ');
}

/** 0..999 when it is the whole number or a group after a bigger one (`inner`). */
function hundreds(n: number, inner: boolean, opts: NumberReadingOptions): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || inner) words.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push(opts.zeroTens ?? 'lẻ', DIGITS[u]!);
    else if (u > 0 || words.length === 0) words.push(DIGITS[u]!);
    return words;
  }
  if (t === 1) words.push('mười');
  else words.push(DIGITS[t]!, 'mươi');
  if (u === 1) words.push(t === 1 ? 'một' : 'mốt');
  else if (u === 5) words.push('lăm');
  else if (u > 0) words.push(DIGITS[u]!);
  return words;
}

const GROUP_NAMES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

/** 101 → "một trăm lẻ một"; whole numbers from 0 up to 999 999 999 999. */
export function numberInWords(n: number, opts: NumberReadingOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) {
    throw new RangeError(`cannot read ${n} as a whole number below one thousand billion`);
  }
  if (n === 0) return DIGITS[0];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    // A group after a bigger one is read in full ("không trăm"), as announcers and banks do.
    const inner = i < groups.length - 1;
    words.push(...hundreds(g, inner, opts));
    if (GROUP_NAMES[i]) words.push(GROUP_NAMES[i]!);
  }
  return words.join(' ');
}
