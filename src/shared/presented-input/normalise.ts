/**
 * What a keyboard-wedge scanner (or a person) hands us, cleaned of the transport's quirks
 * (the team's QR-formats reference §0) before anything reads its shape: a byte-order mark first, NUL
 * padding, the Enter at the end as CR, LF, CR LF or nothing, spaces around it, and decomposed
 * (NFD) letters. Inner content is left alone: field-level quirks (stray spaces in a field, an
 * upper-cased or IME-damaged hex) are the field readers' business.
 */
export function normaliseScan(text: string): string {
  return text
    .replaceAll('\u0000', '')
    .replace(/^[\s\uFEFF]+/, '')
    .replace(/[\s\uFEFF]+$/, '')
    .normalize('NFC');
}
