/**
 * What is said for a call, in Vietnamese and English. Pure.
 *
 * "Mời số KHÁM không không bốn đến phòng một trăm lẻ một": the department's spoken word, the lane
 * letter (left out for the ordinary lane, whose numbers are the most common), the counter's
 * digits one by one as printed on the slip, then the room read as a number. A number with a
 * station prefix (`K02-KHAM-O-003`) starts with the station, spelled and read digit by digit
 * ("ca không hai"): offline numbers of different stations share department, letter and counter,
 * and once uploaded wait in the same queue, so without it two waiting patients would hear the
 * same call.
 */
import { digitsOneByOne, numberInWords, type NumberReadingOptions } from './vietnamese-numbers';

/** How Vietnamese names the letters when spelling, e.g. a room "B2" is "bê hai". */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  E: 'e',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích xì',
  Y: 'i dài',
  Z: 'dét',
};

export interface QueueNumberParts {
  /** Station prefix of a station-local number; null for numbers of the shared queue. */
  station: string | null;
  department: string;
  laneLetter: string;
  /** The counter as printed, with its leading zeros. */
  digits: string;
}

/** `K01-KHAM-T-004` or `KHAM-T-004`; null when the text is not a queue number. */
export function parseQueueNumber(text: string): QueueNumberParts | null {
  const m = /^(?:([A-Z0-9]{1,4}(?:-[A-Z0-9]{1,4})?)-)?([A-Z0-9]{1,6})-([A-Z])-(\d{3,})$/.exec(
    text.trim().toUpperCase(),
  );
  if (!m) return null;
  return { station: m[1] ?? null, department: m[2]!, laneLetter: m[3]!, digits: m[4]! };
}

/** Letters spelled, digit runs read as numbers: "101" → "một trăm lẻ một", "B2" → "bê hai". */
export function codeInWords(code: string, opts: NumberReadingOptions = {}): string {
  const parts = code.toUpperCase().match(/\d+|[A-Z]/g) ?? [];
  return parts
    .map((p) => (/^\d+$/.test(p) ? numberInWords(Number(p), opts) : (LETTER_NAMES[p] ?? p)))
    .join(' ');
}

/** A station prefix as said: letters spelled, digits one by one ("K02" → "ca không hai"). */
export function stationInWords(station: string): string {
  return [...station.toUpperCase()]
    .filter((c) => /[A-Z0-9]/.test(c))
    .map((c) => (/\d/.test(c) ? digitsOneByOne(c) : (LETTER_NAMES[c] ?? c)))
    .join(' ');
}

export interface CallTextOptions extends NumberReadingOptions {
  /** Spoken word per department code, e.g. `{ KHAM: "khám" }`; missing codes are spelled. */
  departmentWords?: Readonly<Record<string, string>>;
  /** How the room is said, when not its code read out (e.g. "cấp cứu"). */
  roomWords?: { vi: string; en: string } | null;
  /** The letter of the ordinary lane, which is not said. */
  normalLaneLetter?: string;
}

export interface CallText {
  vi: string;
  en: string;
}

export function callText(
  queueNumber: string,
  roomCode: string,
  opts: CallTextOptions = {},
): CallText {
  const parts = parseQueueNumber(queueNumber);
  if (!parts) throw new RangeError(`not a queue number: ${queueNumber}`);
  const dept = opts.departmentWords?.[parts.department] ?? codeInWords(parts.department, opts);
  const sayLane = parts.laneLetter !== (opts.normalLaneLetter ?? 'T');
  const lane = sayLane ? (LETTER_NAMES[parts.laneLetter] ?? parts.laneLetter) : null;
  const roomVi = opts.roomWords?.vi ?? `phòng ${codeInWords(roomCode, opts)}`;
  const station = parts.station ? stationInWords(parts.station) : null;
  const vi = ['Mời số', station, dept, lane, digitsOneByOne(parts.digits), 'đến', roomVi]
    .filter(Boolean)
    .join(' ');
  const spelled = [...parts.department].join(' ');
  const enDigits = [...parts.digits].join(' ');
  const roomEn = opts.roomWords?.en ?? `room ${roomCode}`;
  // Short on purpose: the whole call (chime, Vietnamese, English) should stay under ten seconds.
  // With a station the call opens with it instead of "Number": the whole call still fits in ten
  // seconds with espeak's default rate ("K 0 2 K H A M O 0 0 3, room 101.").
  const opening = parts.station ? [...parts.station].filter((c) => c !== '-').join(' ') : 'Number';
  const en = `${opening} ${spelled}${sayLane ? ` ${parts.laneLetter}` : ''} ${enDigits}, ${roomEn}.`;
  return { vi, en };
}
