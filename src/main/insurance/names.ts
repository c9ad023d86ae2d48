/** Vietnamese names compared or sent without diacritics (the gateway accepts both). */
export function stripDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

export function collapseSpaces(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/**
 * The key two spellings of one name share: no diacritics, one space, upper case. Tone-mark
 * placement (`Thuỳ` / `Thùy`) and composed vs decomposed forms compare equal.
 */
export function nameKey(name: string): string {
  return collapseSpaces(stripDiacritics(name)).toUpperCase();
}
