/**
 * The ESC/POS commands the slip uses (Epson's command reference; the common subset that
 * 58/80 mm printers of every brand accept). Each returns bytes; the encoder concatenates them.
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';

const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** ESC @: clear the buffer and every mode. */
export const init = (): number[] => [ESC, 0x40];
/** ESC t n: character code table (0 = PC437; only ASCII is sent, see ascii-text.ts). */
export const codeTable = (n: number): number[] => [ESC, 0x74, n];
export const align = (a: Align): number[] => [ESC, 0x61, ALIGN[a]];
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** GS B n: white on black. */
export const reverse = (on: boolean): number[] => [GS, 0x42, on ? 1 : 0];

/** GS ! n: character size, 1..8 times in each direction. */
export function size(width: number, height: number): number[] {
  const w = Math.min(8, Math.max(1, Math.round(width)));
  const h = Math.min(8, Math.max(1, Math.round(height)));
  return [GS, 0x21, ((w - 1) << 4) | (h - 1)];
}

/** ESC d n: print and feed n lines. */
export const feed = (lines: number): number[] => [ESC, 0x64, Math.min(255, Math.max(0, lines))];

/** GS V 66 n: feed to the cutter (+ n dots) and cut, leaving a hinge (partial cut). */
export const cut = (): number[] => [GS, 0x56, 66, 0];

/** DLE EOT n: real-time status; n = 4 is the roll paper sensor. */
export const statusRequest = (n: 1 | 2 | 3 | 4 = 4): number[] => [DLE, EOT, n];

/** GS ( k with cn = 49 (QR Code): pL pH cn fn [params]. */
function qrFunction(fn: number, params: number[]): number[] {
  const len = params.length + 2;
  return [GS, 0x28, 0x6b, len & 0xff, (len >> 8) & 0xff, 49, fn, ...params];
}

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const QR_LEVEL: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Model 2, module size in dots, error level, store the data, print it. */
export function qr(payload: Uint8Array, moduleDots: number, level: QrErrorLevel): number[] {
  if (payload.length > 7089) throw new RangeError('QR payload too long');
  return [
    ...qrFunction(65, [50, 0]),
    ...qrFunction(67, [Math.min(16, Math.max(1, moduleDots))]),
    ...qrFunction(69, [QR_LEVEL[level]]),
    ...qrFunction(80, [48, ...payload]),
    ...qrFunction(81, [48]),
  ];
}

/** DLE EOT 4 answer: bits 5-6 set = roll paper end sensor, bits 2-3 = near end. */
export type PaperStatus = 'ok' | 'near-end' | 'out' | 'unknown';

export function parsePaperStatus(byte: number): PaperStatus {
  // Fixed bits of every status byte: bit 1 and bit 4 set, bits 0 and 7 clear.
  if ((byte & 0x93) !== 0x12) return 'unknown';
  if (byte & 0x60) return 'out';
  if (byte & 0x0c) return 'near-end';
  return 'ok';
}
