/**
 * ISO/IEC 7816-4 APDUs: command encoding in short and extended length (cases 1-4), decoding
 * (the simulated card's side), response parsing and the status words this reader acts on.
 */
import type { KioskError } from '../../../shared/errors';
import { protocolErrors } from './errors';

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  /** Command data (Lc is its length); absent or empty for cases 1 and 2. */
  data?: Uint8Array;
  /**
   * Expected response length: absent = none (cases 1/3); 1..256 fits a short APDU (256 is
   * written as 00); up to 65536 needs extended length (65536 is written as 0000).
   */
  le?: number;
}

export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

export const SW = {
  OK: 0x9000,
  END_OF_FILE: 0x6282,
  AUTH_FAILED: 0x6300,
  WRONG_LENGTH: 0x6700,
  SECURITY_STATUS: 0x6982,
  AUTH_METHOD_BLOCKED: 0x6983,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NO_CURRENT_EF: 0x6986,
  SM_DATA_MISSING: 0x6987,
  SM_DATA_INCORRECT: 0x6988,
  WRONG_DATA: 0x6a80,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  INCORRECT_P1P2: 0x6a86,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  UNKNOWN: 0x6f00,
} as const;

const SW_TEXT: Record<number, string> = {
  [SW.OK]: 'ok',
  [SW.END_OF_FILE]: 'end of file reached before Le bytes',
  [SW.AUTH_FAILED]: 'authentication failed',
  [SW.WRONG_LENGTH]: 'wrong length',
  [SW.SECURITY_STATUS]: 'security status not satisfied',
  [SW.AUTH_METHOD_BLOCKED]: 'authentication method blocked',
  [SW.CONDITIONS_NOT_SATISFIED]: 'conditions of use not satisfied',
  [SW.NO_CURRENT_EF]: 'no current EF',
  [SW.SM_DATA_MISSING]: 'expected secure messaging data objects missing',
  [SW.SM_DATA_INCORRECT]: 'secure messaging data objects incorrect',
  [SW.WRONG_DATA]: 'incorrect data',
  [SW.FUNCTION_NOT_SUPPORTED]: 'function not supported',
  [SW.FILE_NOT_FOUND]: 'file or application not found',
  [SW.INCORRECT_P1P2]: 'incorrect P1/P2',
  [SW.WRONG_P1P2]: 'wrong parameters (offset outside the file)',
  [SW.INS_NOT_SUPPORTED]: 'instruction not supported',
  [SW.CLA_NOT_SUPPORTED]: 'class not supported',
  [SW.UNKNOWN]: 'no precise diagnosis',
};

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/** `6A82 (file or application not found)` — for error details and logs. */
export function describeSw(sw: number): string {
  const sw1 = sw >> 8;
  let text = SW_TEXT[sw];
  if (!text && sw1 === 0x61) text = `${sw & 0xff} more bytes available`;
  if (!text && sw1 === 0x6c) text = `wrong Le, exact length ${sw & 0xff || 256}`;
  if (!text && sw1 === 0x63 && (sw & 0xf0) === 0xc0)
    text = `verification failed, ${sw & 0x0f} tries left`;
  return `${swHex(sw)} (${text ?? 'unexpected status'})`;
}

export const isOk = (sw: number): boolean => sw === SW.OK;

/** The typed error for a status word the caller cannot continue after. */
export function statusError(sw: number, operation: string): KioskError {
  const detail = `${operation}: ${describeSw(sw)}`;
  if (sw === SW.SM_DATA_MISSING || sw === SW.SM_DATA_INCORRECT) return protocolErrors.smMac(detail);
  return protocolErrors.protocol(detail);
}

/** Needs extended length: data over 255 bytes or Le over 256. */
export function needsExtended(cmd: CommandApdu): boolean {
  return (cmd.data?.length ?? 0) > 255 || (cmd.le ?? 0) > 256;
}

/**
 * Encodes a command. Extended length is used when the command needs it or `extended` is set;
 * encoding data over 65535 bytes or Le over 65536 is a programming error (RangeError).
 */
export function encodeCommand(cmd: CommandApdu, extended = needsExtended(cmd)): Uint8Array {
  const data = cmd.data ?? new Uint8Array(0);
  const { le } = cmd;
  if (data.length > 65535) throw new RangeError('command data over 65535 bytes');
  if (le !== undefined && (le < 1 || le > 65536)) throw new RangeError(`Le ${le} out of range`);
  if (!extended && needsExtended(cmd)) throw new RangeError('command needs extended length');
  const out: number[] = [cmd.cla & 0xff, cmd.ins & 0xff, cmd.p1 & 0xff, cmd.p2 & 0xff];
  if (!extended) {
    if (data.length) out.push(data.length, ...data);
    if (le !== undefined) out.push(le === 256 ? 0 : le);
    return new Uint8Array(out);
  }
  if (data.length) out.push(0, data.length >> 8, data.length & 0xff, ...data);
  if (le !== undefined) {
    const v = le === 65536 ? 0 : le;
    // Le alone (case 2E) carries its own 00 marker; after data (case 4E) it does not.
    if (!data.length) out.push(0);
    out.push(v >> 8, v & 0xff);
  }
  return new Uint8Array(out);
}

export interface DecodedCommand extends CommandApdu {
  data: Uint8Array;
  extended: boolean;
}

/**
 * Decodes a command APDU (the card's side). Returns null when the bytes are not a well-formed
 * APDU; the card then answers 6700.
 */
export function decodeCommand(bytes: Uint8Array): DecodedCommand | null {
  if (bytes.length < 4) return null;
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const head = { cla, ins, p1, p2 };
  const body = bytes.subarray(4);
  const n = body.length;
  if (n === 0) return { ...head, data: new Uint8Array(0), extended: false };
  if (n === 1) return { ...head, data: new Uint8Array(0), le: body[0] || 256, extended: false };
  if (body[0] !== 0) {
    // Short case 3 or 4: Lc, data, optional Le.
    const lc = body[0]!;
    if (n === 1 + lc) return { ...head, data: body.subarray(1), extended: false };
    if (n === 2 + lc) {
      return { ...head, data: body.subarray(1, 1 + lc), le: body[1 + lc] || 256, extended: false };
    }
    return null;
  }
  // Extended: 00 then two bytes.
  if (n === 3)
    return {
      ...head,
      data: new Uint8Array(0),
      le: (body[1]! << 8) | body[2]! || 65536,
      extended: true,
    };
  if (n < 3) return null;
  const lc = (body[1]! << 8) | body[2]!;
  if (lc === 0) return null;
  if (n === 3 + lc) return { ...head, data: body.subarray(3), extended: true };
  if (n === 5 + lc) {
    const le = (body[3 + lc]! << 8) | body[4 + lc]!;
    return { ...head, data: body.subarray(3, 3 + lc), le: le || 65536, extended: true };
  }
  return null;
}

/** Splits a response APDU into data and SW; fewer than 2 bytes is CARD_PROTOCOL. */
export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) {
    throw protocolErrors.protocol(`response of ${bytes.length} bytes, no status word`);
  }
  const n = bytes.length;
  return { data: bytes.subarray(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = (sw >> 8) & 0xff;
  out[data.length + 1] = sw & 0xff;
  return out;
}

export function statusOnly(sw: number): Uint8Array {
  return encodeResponse(new Uint8Array(0), sw);
}

// ---------------------------------------------------------------------------------------------
// The commands an eMRTD reader sends (ICAO 9303-10 §3, 9303-11 §4.3)

/** eMRTD LDS1 applet. */
export const EMRTD_AID = new Uint8Array([0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]);

export const commands = {
  /** SELECT by DF name (AID), no FCI wanted (P2=0C). */
  selectApplet: (aid: Uint8Array = EMRTD_AID): CommandApdu => ({
    cla: 0x00,
    ins: 0xa4,
    p1: 0x04,
    p2: 0x0c,
    data: aid,
  }),
  /** SELECT EF under the current DF by file identifier, no FCI (P2=0C). */
  selectEf: (fid: number): CommandApdu => ({
    cla: 0x00,
    ins: 0xa4,
    p1: 0x02,
    p2: 0x0c,
    data: new Uint8Array([fid >> 8, fid & 0xff]),
  }),
  /** READ BINARY of the current EF; offset up to 32767. */
  readBinary: (offset: number, le: number): CommandApdu => {
    if (offset < 0 || offset > 0x7fff) throw new RangeError(`offset ${offset} needs odd INS B1`);
    return { cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le };
  },
  /** READ BINARY selecting the EF by short file identifier (P1 = 80 | SFI), offset up to 255. */
  readBinarySfi: (sfi: number, offset: number, le: number): CommandApdu => {
    if (sfi < 1 || sfi > 30 || offset < 0 || offset > 255) throw new RangeError('bad SFI read');
    return { cla: 0x00, ins: 0xb0, p1: 0x80 | sfi, p2: offset, le };
  },
  getChallenge: (): CommandApdu => ({ cla: 0x00, ins: 0x84, p1: 0, p2: 0, le: 8 }),
  externalAuthenticate: (data: Uint8Array, le = 40): CommandApdu => ({
    cla: 0x00,
    ins: 0x82,
    p1: 0,
    p2: 0,
    data,
    le,
  }),
  getResponse: (le: number): CommandApdu => ({ cla: 0x00, ins: 0xc0, p1: 0, p2: 0, le }),
};
