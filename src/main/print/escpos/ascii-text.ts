/**
 * Vietnamese on thermal printers. Most 58/80 mm printers have no Vietnamese code page, and those
 * that have one (TCVN-3, Windows-1258) number it differently per brand and print tone marks as
 * separate cells. The one thing every printer prints correctly is ASCII, so the ESC/POS slip
 * writes Vietnamese without diacritics (Đ → D, "Nguyễn" → "Nguyen"), which Vietnamese readers
 * understand; the PDF/system slip keeps full diacritics. The queue number and QR are ASCII anyway.
 */
const SUBSTITUTES: Record<string, string> = {
  đ: 'd',
  Đ: 'D',
  '•': '*',
  '·': '-',
  '–': '-',
  '—': '-',
  '»': '>',
  '«': '<',
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '…': '...',
  '\u00a0': ' ',
};

export function toAscii(text: string): string {
  return text
    .replace(/[đĐ•·–—»«’‘“”…\u00a0]/g, (c) => SUBSTITUTES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** Greedy word wrap to `columns`; words longer than a line are split. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > columns) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, columns));
      w = w.slice(columns);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= columns) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}
