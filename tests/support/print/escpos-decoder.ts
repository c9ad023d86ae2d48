/**
 * Reads an ESC/POS byte stream back into what a printer would do with it, so that tests assert
 * the slip's content (lines, sizes, QR payload, cut) rather than its length. Strict: an unknown
 * command or a byte outside printable ASCII is an error, because a real printer would print
 * garbage for it.
 */
export interface DecodedStyle {
  align: 'left' | 'center' | 'right';
  bold: boolean;
  reverse: boolean;
  /** GS ! magnification, 1..8 */
  width: number;
  height: number;
}

export interface DecodedRun {
  text: string;
  bold: boolean;
  reverse: boolean;
  width: number;
  height: number;
}

export interface DecodedLine extends DecodedStyle {
  text: string;
  /** Stretches of the line printed in one style (bold label: value lines have two). */
  runs: DecodedRun[];
}

export type DecodedItem =
  | ({ type: 'text' } & DecodedLine)
  | { type: 'qr'; payload: string; model: number; moduleDots: number; errorLevel: string }
  | { type: 'feed'; lines: number }
  | { type: 'cut'; partial: boolean }
  | { type: 'init' }
  | { type: 'status-request'; n: number };

export interface DecodedJob {
  items: DecodedItem[];
  lines: DecodedLine[];
  qrs: Extract<DecodedItem, { type: 'qr' }>[];
  text: string;
}

export class EscposDecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

const ALIGNS = ['left', 'center', 'right'] as const;
const LEVELS: Record<number, string> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

export function decodeEscpos(input: Uint8Array): DecodedJob {
  const b = input;
  const items: DecodedItem[] = [];
  const style: DecodedStyle = { align: 'left', bold: false, reverse: false, width: 1, height: 1 };
  let line: DecodedLine | null = null;
  const qr = { model: 0, moduleDots: 0, errorLevel: '', stored: null as Uint8Array | null };
  let i = 0;
  const need = (n: number): void => {
    if (i + n > b.length) throw new EscposDecodeError('truncated command', i);
  };
  const flush = (): void => {
    items.push({ type: 'text', ...(line ?? { ...style, text: '', runs: [] }) });
    line = null;
  };

  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x0a) {
      flush();
      i += 1;
    } else if (c >= 0x20 && c <= 0x7e) {
      // A line takes the style in force at its first character (as the printer buffers it).
      line ??= { ...style, text: '', runs: [] };
      const ch = String.fromCharCode(c);
      line.text += ch;
      const last = line.runs.at(-1);
      const same =
        last &&
        last.bold === style.bold &&
        last.reverse === style.reverse &&
        last.width === style.width &&
        last.height === style.height;
      if (same) last.text += ch;
      else
        line.runs.push({
          text: ch,
          bold: style.bold,
          reverse: style.reverse,
          width: style.width,
          height: style.height,
        });
      i += 1;
    } else if (c === 0x1b) {
      need(2);
      const f = b[i + 1]!;
      if (f === 0x40) {
        Object.assign(style, { align: 'left', bold: false, reverse: false, width: 1, height: 1 });
        items.push({ type: 'init' });
        i += 2;
      } else if (f === 0x61 || f === 0x45 || f === 0x74 || f === 0x64) {
        need(3);
        const n = b[i + 2]!;
        if (f === 0x61) style.align = ALIGNS[n % 48] ?? 'left';
        if (f === 0x45) style.bold = (n & 1) === 1;
        if (f === 0x64) {
          if (line) flush();
          items.push({ type: 'feed', lines: n });
        }
        i += 3;
      } else throw new EscposDecodeError(`unknown ESC 0x${f.toString(16)}`, i);
    } else if (c === 0x1d) {
      need(2);
      const f = b[i + 1]!;
      if (f === 0x21) {
        need(3);
        style.width = ((b[i + 2]! >> 4) & 7) + 1;
        style.height = (b[i + 2]! & 7) + 1;
        i += 3;
      } else if (f === 0x42) {
        need(3);
        style.reverse = (b[i + 2]! & 1) === 1;
        i += 3;
      } else if (f === 0x56) {
        need(3);
        const m = b[i + 2]!;
        if (line) flush();
        if (m === 65 || m === 66) {
          need(4);
          items.push({ type: 'cut', partial: m === 66 });
          i += 4;
        } else {
          items.push({ type: 'cut', partial: m === 1 || m === 49 });
          i += 3;
        }
      } else if (f === 0x28 && b[i + 2] === 0x6b) {
        need(5);
        const len = b[i + 3]! | (b[i + 4]! << 8);
        need(5 + len);
        const cn = b[i + 5]!;
        const fn = b[i + 6]!;
        const params = b.subarray(i + 7, i + 5 + len);
        if (cn !== 49) throw new EscposDecodeError(`unsupported 2D code cn=${cn}`, i);
        if (fn === 65) qr.model = params[0]! - 48;
        else if (fn === 67) qr.moduleDots = params[0]!;
        else if (fn === 69) qr.errorLevel = LEVELS[params[0]!] ?? '?';
        else if (fn === 80) qr.stored = params.slice(1);
        else if (fn === 81) {
          if (!qr.stored) throw new EscposDecodeError('QR print without stored data', i);
          if (line) flush();
          items.push({
            type: 'qr',
            payload: new TextDecoder('utf-8', { fatal: true }).decode(qr.stored),
            model: qr.model,
            moduleDots: qr.moduleDots,
            errorLevel: qr.errorLevel,
          });
        } else throw new EscposDecodeError(`unknown QR function ${fn}`, i);
        i += 5 + len;
      } else throw new EscposDecodeError(`unknown GS 0x${f.toString(16)}`, i);
    } else if (c === 0x10 && b[i + 1] === 0x04) {
      need(3);
      items.push({ type: 'status-request', n: b[i + 2]! });
      i += 3;
    } else {
      throw new EscposDecodeError(`unexpected byte 0x${c.toString(16)}`, i);
    }
  }
  if (line) flush();
  const lines = items.filter((x): x is { type: 'text' } & DecodedLine => x.type === 'text');
  return {
    items,
    lines,
    qrs: items.filter((x): x is Extract<DecodedItem, { type: 'qr' }> => x.type === 'qr'),
    text: lines.map((l) => l.text).join('\n'),
  };
}
