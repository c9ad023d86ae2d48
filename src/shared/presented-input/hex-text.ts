/**
 * The BHYT card QR writes names, addresses and the place of issue as hex of UTF-8
 * (the team's QR-formats reference §1.1). Two kiosk quirks reach us: a scan upper-cased as a whole (hex
 * digits in capitals), and a Vietnamese Telex IME on the kiosk rewriting the typed hex — `aa` →
 * `â`, `ee` → `ê`, `dd` → `đ`, and the tone key `f` after a vowel → grave (`af` → `à`, `aaf` →
 * `ầ`). Those rewrites are undone letter by letter from the letter's own parts (NFD: base +
 * circumflex doubles the base, + grave adds `f`), so no table of damaged letters is needed.
 */
const CIRCUMFLEX = '\u0302';
const GRAVE = '\u0300';

/** One character the IME produced → the keys that were typed, or null when it is no IME's. */
function untelexChar(ch: string): string | null {
  if (ch === 'đ') return 'dd';
  if (ch === 'Đ') return 'DD';
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (!base || !/^[aeAE]$/.test(base)) return null;
  let out = base;
  for (const m of marks) {
    if (m === CIRCUMFLEX) out += base;
    else if (m === GRAVE) out += base === base.toUpperCase() ? 'F' : 'f';
    else return null;
  }
  return marks.length > 0 ? out : null;
}

/** The hex as typed before a Telex IME rewrote it; other text unchanged. */
export function untelexHex(text: string): string {
  let out = '';
  for (const ch of text) out += /[0-9a-fA-F]/.test(ch) ? ch : (untelexChar(ch) ?? ch);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Hex of UTF-8 → NFC text; null when it is not hex (odd length, other characters) or not UTF-8.
 * Upper- or lower-case digits, IME damage undone first.
 */
export function decodeHexText(field: string): string | null {
  const hex = untelexHex(field.replace(/\s+/g, ''));
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return utf8.decode(bytes).normalize('NFC');
  } catch {
    return null;
  }
}
