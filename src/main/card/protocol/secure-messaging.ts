/**
 * Secure messaging (ICAO 9303-11 §9.8, ISO/IEC 7816-4 §10): commands carry their data encrypted
 * in DO87, Le in DO97 and a MAC over the header, DO87, DO97 and the send-sequence counter in
 * DO8E; responses carry DO87, the status in DO99 and DO8E. The SSC is incremented before every
 * command and every response MAC, on both sides.
 *
 * The block cipher and MAC are behind `SmCipher`, so the same framing serves 3DES (BAC) and
 * could serve AES (PACE) by adding an AES cipher (IV = E(KSenc, SSC), CMAC).
 * The reader's side is `protectCommand`/`unprotectResponse`; the simulated card's side is
 * `unprotectCommand`/`protectResponse`.
 */
import type { CommandApdu, DecodedCommand, ResponseApdu } from './apdu';
import { encodeCommand, encodeResponse, SW, describeSw } from './apdu';
import { macEqual, pad, retailMac, tdesDecrypt, tdesEncrypt, unpad } from './crypto';
import { protocolErrors } from './errors';
import { concatBytes, decodeTlvList, encodeTlv, type Tlv } from './tlv';

export interface SmCipher {
  readonly name: string;
  /** Cipher block size: 8 for 3DES, 16 for AES. Padding and MAC input align to it. */
  readonly blockSize: number;
  /** Encrypts padded data for the current SSC. */
  encrypt(padded: Uint8Array, ssc: Uint8Array): Uint8Array;
  decrypt(encrypted: Uint8Array, ssc: Uint8Array): Uint8Array;
  /** 8-byte MAC over already padded input (SSC || header || DOs, padded). */
  mac(padded: Uint8Array): Uint8Array;
}

/** 3DES secure messaging as set up by BAC: 3DES-CBC with a zero IV, retail MAC. */
export function tdesSmCipher(ksEnc: Uint8Array, ksMac: Uint8Array): SmCipher {
  return {
    name: '3DES',
    blockSize: 8,
    encrypt: (padded) => tdesEncrypt(ksEnc, padded),
    decrypt: (encrypted) => tdesDecrypt(ksEnc, encrypted),
    mac: (padded) => retailMac(ksMac, padded, true),
  };
}

const DO87 = 0x87;
const DO97 = 0x97;
const DO99 = 0x99;
const DO8E = 0x8e;
/** DO87's first value byte: "padded with ISO 9797-1 method 2". */
const PADDING_INDICATOR = 0x01;
const MAC_LENGTH = 8;

/** Bytes of the SM response around `plain` data bytes (DO87 + DO99 + DO8E, without SW). */
export function smResponseLength(plain: number, blockSize = 8): number {
  const do99 = 4;
  const do8e = 2 + MAC_LENGTH;
  if (plain === 0) return do99 + do8e;
  const l = 1 + (Math.floor(plain / blockSize) + 1) * blockSize;
  const lenBytes = l < 0x80 ? 1 : l < 0x100 ? 2 : l < 0x10000 ? 3 : 4;
  return 1 + lenBytes + l + do99 + do8e;
}

/** Largest plain data length whose SM response fits in `responseLimit` bytes (SW excluded). */
export function maxPlainForResponse(responseLimit: number, blockSize = 8): number {
  let lo = 0;
  let hi = responseLimit;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (smResponseLength(mid, blockSize) <= responseLimit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function increment(ssc: Uint8Array): void {
  for (let i = ssc.length - 1; i >= 0; i--) {
    ssc[i] = (ssc[i]! + 1) & 0xff;
    if (ssc[i] !== 0) return;
  }
}

function leBytes(le: number, extended: boolean): Uint8Array {
  if (!extended) return new Uint8Array([le === 256 ? 0 : le]);
  const v = le === 65536 ? 0 : le;
  return new Uint8Array([v >> 8, v & 0xff]);
}

/** Card-side outcome of unwrapping a command. */
export type UnwrappedCommand =
  { ok: true; command: CommandApdu; extended: boolean } | { ok: false; sw: number; reason: string };

export class SecureMessaging {
  private readonly counter: Uint8Array;

  constructor(
    private readonly cipher: SmCipher,
    ssc: Uint8Array,
  ) {
    this.counter = new Uint8Array(ssc);
  }

  get blockSize(): number {
    return this.cipher.blockSize;
  }

  /** A copy of the current send-sequence counter. */
  get ssc(): Uint8Array {
    return new Uint8Array(this.counter);
  }

  private macOver(...parts: Uint8Array[]): Uint8Array {
    return this.cipher.mac(pad(concatBytes(this.counter, ...parts), this.cipher.blockSize));
  }

  private encryptDo87(data: Uint8Array): Uint8Array {
    const enc = this.cipher.encrypt(pad(data, this.cipher.blockSize), this.counter);
    return encodeTlv(DO87, new Uint8Array([PADDING_INDICATOR]), enc);
  }

  private decryptDo87(value: Uint8Array): Uint8Array | null {
    if (value.length < 1 + this.cipher.blockSize || value[0] !== PADDING_INDICATOR) return null;
    const enc = value.subarray(1);
    if (enc.length % this.cipher.blockSize !== 0) return null;
    return unpad(this.cipher.decrypt(enc, this.counter));
  }

  // -------------------------------------------------------------------------------------------
  // Reader side

  /**
   * Wraps a plain command. `extended` makes the wrapped APDU extended length (needed when the
   * expected SM response or the wrapped data exceed short limits).
   */
  protectCommand(cmd: CommandApdu, extended = false): Uint8Array {
    increment(this.counter);
    const cla = (cmd.cla | 0x0c) & 0xff;
    const header = new Uint8Array([cla, cmd.ins, cmd.p1, cmd.p2]);
    const do87 = cmd.data?.length ? this.encryptDo87(cmd.data) : new Uint8Array(0);
    const do97 =
      cmd.le !== undefined ? encodeTlv(DO97, leBytes(cmd.le, extended)) : new Uint8Array(0);
    const mac = this.macOver(pad(header, this.cipher.blockSize), do87, do97);
    const body = concatBytes(do87, do97, encodeTlv(DO8E, mac));
    return encodeCommand(
      { cla, ins: cmd.ins, p1: cmd.p1, p2: cmd.p2, data: body, le: extended ? 65536 : 256 },
      extended,
    );
  }

  /**
   * Verifies and unwraps a response: the MAC must check out (CARD_SM_MAC otherwise) and the
   * status in DO99 is the response's status. A bare error status without data objects means the
   * card ended secure messaging; 6987/6988 then say the card rejected our MAC.
   */
  unprotectResponse(raw: ResponseApdu): ResponseApdu {
    increment(this.counter);
    if (raw.data.length === 0) {
      if (raw.sw === SW.SM_DATA_MISSING || raw.sw === SW.SM_DATA_INCORRECT) {
        throw protocolErrors.smMac(`the chip rejected the secured command: ${describeSw(raw.sw)}`);
      }
      if (raw.sw === SW.OK) throw protocolErrors.smMac('secured response without data objects');
      return raw;
    }
    let objects: Tlv[];
    try {
      objects = decodeTlvList(raw.data);
    } catch (err) {
      throw protocolErrors.smMac(`secured response is not TLV: ${(err as Error).message}`);
    }
    const macIndex = objects.findIndex((o) => o.tag === DO8E);
    const macObject = objects[macIndex];
    if (!macObject || macIndex !== objects.length - 1) {
      throw protocolErrors.smMac('secured response without a MAC (DO8E) at the end');
    }
    const covered = raw.data.subarray(0, macObject.offset);
    const expected = this.macOver(covered);
    if (!macEqual(expected, macObject.value)) {
      throw protocolErrors.smMac('response MAC does not match');
    }
    const do99 = objects.find((o) => o.tag === DO99);
    if (!do99 || do99.length !== 2)
      throw protocolErrors.smMac('secured response without DO99 status');
    const sw = (do99.value[0]! << 8) | do99.value[1]!;
    const do87 = objects.find((o) => o.tag === DO87);
    let data: Uint8Array = new Uint8Array(0);
    if (do87) {
      const plain = this.decryptDo87(do87.value);
      if (!plain) throw protocolErrors.smMac('secured response data (DO87) malformed');
      data = plain;
    }
    return { data, sw };
  }

  // -------------------------------------------------------------------------------------------
  // Card side

  /** Checks and unwraps a secured command (the chip's side). Never throws. */
  unprotectCommand(cmd: DecodedCommand): UnwrappedCommand {
    if ((cmd.cla & 0x0c) !== 0x0c)
      return { ok: false, sw: SW.SM_DATA_MISSING, reason: 'plain command' };
    let objects: Tlv[];
    try {
      objects = decodeTlvList(cmd.data);
    } catch {
      return { ok: false, sw: SW.SM_DATA_INCORRECT, reason: 'not TLV' };
    }
    const macObject = objects[objects.length - 1];
    if (!macObject || macObject.tag !== DO8E || macObject.length !== MAC_LENGTH) {
      return { ok: false, sw: SW.SM_DATA_MISSING, reason: 'no DO8E' };
    }
    increment(this.counter);
    const header = new Uint8Array([cmd.cla, cmd.ins, cmd.p1, cmd.p2]);
    const expected = this.macOver(
      pad(header, this.cipher.blockSize),
      cmd.data.subarray(0, macObject.offset),
    );
    if (!macEqual(expected, macObject.value)) {
      return { ok: false, sw: SW.SM_DATA_INCORRECT, reason: 'command MAC' };
    }
    const plain: CommandApdu = {
      cla: cmd.cla & ~0x0c & 0xff,
      ins: cmd.ins,
      p1: cmd.p1,
      p2: cmd.p2,
    };
    let extended = cmd.extended;
    for (const o of objects.slice(0, -1)) {
      if (o.tag === DO87) {
        let data: Uint8Array | null;
        try {
          data = this.decryptDo87(o.value);
        } catch {
          data = null;
        }
        if (!data) return { ok: false, sw: SW.SM_DATA_INCORRECT, reason: 'DO87' };
        plain.data = data;
      } else if (o.tag === DO97) {
        if (o.length === 1) plain.le = o.value[0] || 256;
        else if (o.length === 2) {
          plain.le = (o.value[0]! << 8) | o.value[1]! || 65536;
          extended = true;
        } else return { ok: false, sw: SW.SM_DATA_INCORRECT, reason: 'DO97' };
      } else {
        return { ok: false, sw: SW.SM_DATA_INCORRECT, reason: 'unexpected data object' };
      }
    }
    return { ok: true, command: plain, extended };
  }

  /** Wraps a response (the chip's side): DO87 (when data), DO99, DO8E, then the SW. */
  protectResponse(data: Uint8Array, sw: number): Uint8Array {
    increment(this.counter);
    const do87 = data.length ? this.encryptDo87(data) : new Uint8Array(0);
    const do99 = encodeTlv(DO99, new Uint8Array([sw >> 8, sw & 0xff]));
    const mac = this.macOver(do87, do99);
    return encodeResponse(concatBytes(do87, do99, encodeTlv(DO8E, mac)), sw);
  }
}
