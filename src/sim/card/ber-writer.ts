/**
 * DER primitives for the simulated card's files, on top of the protocol's BER-TLV encoder
 * (INTEGER, UTF8String, PrintableString, OCTET STRING, OBJECT IDENTIFIER, SEQUENCE, SET, time).
 */
import { oidFromString } from '../../main/card/protocol/oid';
import { concatBytes, encodeTlv } from '../../main/card/protocol/tlv';

export { encodeTlv as tlv };

export const concat = (parts: readonly Uint8Array[]): Uint8Array => concatBytes(...parts);

const utf8 = new TextEncoder();

export const der = {
  sequence: (...items: Uint8Array[]) => encodeTlv(0x30, ...items),
  integer(n: number): Uint8Array {
    const bytes: number[] = [];
    let v = n;
    do {
      bytes.unshift(v & 0xff);
      v = Math.floor(v / 256);
    } while (v > 0);
    if (bytes[0]! & 0x80) bytes.unshift(0); // stay positive
    return encodeTlv(0x02, new Uint8Array(bytes));
  },
  octetString: (bytes: Uint8Array) => encodeTlv(0x04, bytes),
  utf8String: (text: string) => encodeTlv(0x0c, utf8.encode(text)),
  printableString: (text: string) => encodeTlv(0x13, utf8.encode(text)),
  set: (...items: Uint8Array[]) => encodeTlv(0x31, ...items),
  /** Dotted OID → DER OBJECT IDENTIFIER (base-128 arcs). */
  oid: (dotted: string): Uint8Array => encodeTlv(0x06, oidFromString(dotted)),
  /** UTCTime for 1950-2049, GeneralizedTime after (RFC 5280 §4.1.2.5), whole seconds, Zulu. */
  time(at: Date): Uint8Array {
    const digits = at.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
    return at.getUTCFullYear() < 2050
      ? encodeTlv(0x17, utf8.encode(digits.slice(2)))
      : encodeTlv(0x18, utf8.encode(digits));
  },
};

export const ascii = (text: string): Uint8Array => utf8.encode(text);
