/**
 * BER-TLV as used by ICAO 9303 files and secure-messaging data objects (ISO/IEC 7816-4 §5.2,
 * X.690 §8.1): multi-byte tags, definite lengths in short or long form. The decoder is strict:
 * a chip's bytes are untrusted input, so every length is checked against the buffer and any
 * inconsistency is a typed CARD_BAD_TLV error, never an exception from an out-of-range read.
 *
 * Tags are handled as numbers made of their bytes as written (0x61, 0x5F1F, 0x7F61, 0xBF0C...),
 * which is how the standards print them.
 */
import { kioskError, type KioskError } from '../../../shared/errors';

/** One decoded TLV. `value` is a view into the decoded buffer (no copy). */
export interface Tlv {
  /** Tag bytes as one number, e.g. 0x5F1F. */
  tag: number;
  /** Bit 6 of the first tag byte: the value is itself a sequence of TLVs. */
  constructed: boolean;
  /** Length of the value in bytes. */
  length: number;
  value: Uint8Array;
  /** Tag + length bytes. */
  headerLength: number;
  /** headerLength + length. */
  totalLength: number;
  /** Where the TLV starts in the buffer it was decoded from. */
  offset: number;
}

/** Tag, constructed bit and declared length, without the value (which may not be there yet). */
export interface TlvHeader {
  tag: number;
  constructed: boolean;
  length: number;
  headerLength: number;
  /** headerLength + length: how many bytes the whole TLV takes. */
  totalLength: number;
}

/** Most bytes of a tag we accept; ICAO/7816 tags are at most 3 bytes. */
const MAX_TAG_BYTES = 4;
/** Most length bytes after 0x8N; 4 bytes already describe 4 GiB. */
const MAX_LENGTH_BYTES = 4;

export function badTlv(detail: string): KioskError {
  return kioskError(
    'CARD_BAD_TLV',
    'Dữ liệu trên thẻ không đúng định dạng. Vui lòng đặt lại thẻ và thử lại; nếu vẫn lỗi, hãy gọi nhân viên.',
    'The data on the card is not in the expected format. Place the card again and retry; if it persists, call a member of staff.',
    { detail, retryable: true },
  );
}

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/**
 * Decodes tag and length at `offset`. `bytes` needs to hold only the header: this is how the
 * reader learns a file's size from its first few bytes.
 */
export function decodeTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader {
  if (offset < 0 || offset >= bytes.length) {
    throw badTlv(`no TLV at offset ${offset} (buffer of ${bytes.length} bytes)`);
  }
  let p = offset;
  const first = bytes[p++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // Subsequent tag bytes: bit 8 set means another byte follows.
    let count = 1;
    for (;;) {
      if (p >= bytes.length) throw badTlv(`tag truncated at offset ${offset}`);
      const b = bytes[p++]!;
      tag = tag * 256 + b;
      count++;
      if (count > MAX_TAG_BYTES)
        throw badTlv(`tag longer than ${MAX_TAG_BYTES} bytes at ${offset}`);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= bytes.length) throw badTlv(`length missing after tag ${hex(tag)} at offset ${offset}`);
  const l0 = bytes[p++]!;
  let length: number;
  if (l0 < 0x80) {
    length = l0;
  } else if (l0 === 0x80) {
    throw badTlv(`indefinite length after tag ${hex(tag)} at offset ${offset}`);
  } else {
    const n = l0 & 0x7f;
    if (n > MAX_LENGTH_BYTES) {
      throw badTlv(`length of ${n} bytes after tag ${hex(tag)} at offset ${offset}`);
    }
    if (p + n > bytes.length) throw badTlv(`length bytes truncated after tag ${hex(tag)}`);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[p++]!;
  }
  const headerLength = p - offset;
  return {
    tag,
    constructed: (first & 0x20) !== 0,
    length,
    headerLength,
    totalLength: headerLength + length,
  };
}

/** Decodes the one TLV at `offset`; its whole value must be inside `bytes`. */
export function decodeTlv(bytes: Uint8Array, offset = 0): Tlv {
  const h = decodeTlvHeader(bytes, offset);
  const start = offset + h.headerLength;
  if (start + h.length > bytes.length) {
    throw badTlv(
      `tag ${hex(h.tag)} declares ${h.length} bytes but only ${bytes.length - start} follow`,
    );
  }
  return { ...h, value: bytes.subarray(start, start + h.length), offset };
}

/** Decodes consecutive TLVs filling `bytes` exactly (e.g. the value of a constructed TLV). */
export function decodeTlvList(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let p = 0;
  while (p < bytes.length) {
    const t = decodeTlv(bytes, p);
    out.push(t);
    p += t.totalLength;
  }
  return out;
}

/** Decodes exactly one TLV that must fill `bytes` (trailing bytes are an error). */
export function decodeSingleTlv(bytes: Uint8Array, expectedTag?: number): Tlv {
  const t = decodeTlv(bytes, 0);
  if (expectedTag !== undefined && t.tag !== expectedTag) {
    throw badTlv(`expected tag ${hex(expectedTag)}, found ${hex(t.tag)}`);
  }
  if (t.totalLength !== bytes.length) {
    throw badTlv(`${bytes.length - t.totalLength} unexpected bytes after tag ${hex(t.tag)}`);
  }
  return t;
}

/** The children of a constructed TLV. */
export function children(t: Tlv): Tlv[] {
  if (!t.constructed) throw badTlv(`tag ${hex(t.tag)} is primitive, children expected`);
  return decodeTlvList(t.value);
}

/** First TLV with `tag` in a list, or undefined. */
export function findTlv(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag);
}

/** First TLV with `tag` in a list, or CARD_BAD_TLV naming what is missing. */
export function requireTlv(list: readonly Tlv[], tag: number, what: string): Tlv {
  const t = findTlv(list, tag);
  if (!t) throw badTlv(`${what}: tag ${hex(tag)} missing`);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** Tag number as its bytes (0x5F1F → 5F 1F). */
export function encodeTag(tag: number): Uint8Array {
  if (!Number.isInteger(tag) || tag < 0 || tag > 0xffffffff) {
    throw new RangeError(`invalid tag ${tag}`);
  }
  const out: number[] = [];
  let t = tag;
  do {
    out.unshift(t & 0xff);
    t = Math.floor(t / 256);
  } while (t > 0);
  return new Uint8Array(out);
}

/** Definite length in the shortest form (X.690 DER). */
export function encodeLength(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new RangeError(`invalid length ${n}`);
  }
  if (n < 0x80) return new Uint8Array([n]);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return new Uint8Array([0x80 | out.length, ...out]);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** One TLV whose value is the concatenation of `values` (so a constructed TLV is just its children). */
export function encodeTlv(tag: number, ...values: readonly Uint8Array[]): Uint8Array {
  const value = concatBytes(...values);
  return concatBytes(encodeTag(tag), encodeLength(value.length), value);
}

/** Parses hex with optional spaces/newlines (test vectors, logs). */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(clean)) throw new RangeError('not hex');
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('hex')
    .toUpperCase();
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
