import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import {
  children,
  decodeSingleTlv,
  decodeTlv,
  decodeTlvHeader,
  decodeTlvList,
  encodeLength,
  encodeTag,
  encodeTlv,
  fromHex,
  toHex,
} from '../../../src/main/card/protocol/tlv';

function badTlvDetail(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    expect((err as KioskError).code).toBe('CARD_BAD_TLV');
    return (err as KioskError).detail ?? '';
  }
  throw new Error('expected CARD_BAD_TLV');
}

describe('BER-TLV decoding', () => {
  it('reads one-, two- and three-byte tags and short/long-form lengths', () => {
    expect(decodeTlv(fromHex('5C026175'))).toMatchObject({ tag: 0x5c, length: 2, headerLength: 2 });
    expect(decodeTlv(fromHex('5F1F03414243'))).toMatchObject({ tag: 0x5f1f, length: 3 });
    expect(decodeTlv(fromHex('7F6100'))).toMatchObject({
      tag: 0x7f61,
      constructed: true,
      length: 0,
    });
    expect(decodeTlv(fromHex('BF8F0100'))).toMatchObject({ tag: 0xbf8f01 });
    const long = new Uint8Array([0x04, 0x82, 0x01, 0x00, ...new Uint8Array(256)]);
    expect(decodeTlv(long)).toMatchObject({ length: 256, headerLength: 4, totalLength: 260 });
    const longForm1 = fromHex('048103414243');
    expect(toHex(decodeTlv(longForm1).value)).toBe('414243');
  });

  it('learns a length from the header alone (the first bytes of a file)', () => {
    expect(decodeTlvHeader(fromHex('7582425B7F61'))).toMatchObject({
      tag: 0x75,
      length: 0x425b,
      totalLength: 0x425f,
    });
  });

  it('walks constructed values', () => {
    const t = decodeSingleTlv(fromHex('60145F0104303130365F36063034303030305C026175'), 0x60);
    expect(children(t).map((c) => c.tag)).toEqual([0x5f01, 0x5f36, 0x5c]);
  });

  it('refuses a truncated value, a length beyond the buffer and trailing bytes', () => {
    expect(badTlvDetail(() => decodeTlv(fromHex('5F1F0541424344')))).toContain(
      'declares 5 bytes but only 4 follow',
    );
    expect(badTlvDetail(() => decodeTlv(fromHex('7582FFFF00')))).toContain('declares 65535');
    expect(badTlvDetail(() => decodeSingleTlv(fromHex('0401AA00')))).toContain('unexpected bytes');
    expect(badTlvDetail(() => decodeSingleTlv(fromHex('0401AA'), 0x61))).toContain(
      'expected tag 61',
    );
  });

  it('refuses oversized and malformed length fields and tags', () => {
    expect(badTlvDetail(() => decodeTlv(fromHex('04850100000000')))).toContain('length of 5 bytes');
    expect(badTlvDetail(() => decodeTlv(fromHex('0484FFFFFFFF00')))).toContain(
      'declares 4294967295',
    );
    expect(badTlvDetail(() => decodeTlv(fromHex('048201')))).toContain('length bytes truncated');
    expect(badTlvDetail(() => decodeTlv(fromHex('0480AA0000')))).toContain('indefinite');
    expect(badTlvDetail(() => decodeTlv(fromHex('5F')))).toContain('tag truncated');
    expect(badTlvDetail(() => decodeTlv(fromHex('5F1F')))).toContain('length missing');
    expect(badTlvDetail(() => decodeTlv(fromHex('1F8181818100')))).toContain('tag longer');
    expect(badTlvDetail(() => decodeTlv(new Uint8Array(0)))).toContain('no TLV');
    expect(badTlvDetail(() => decodeTlvList(fromHex('0101AA02')))).toContain('length missing');
  });

  it('never fails with anything but CARD_BAD_TLV on random bytes', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = new Uint8Array(randomBytes(1 + (i % 40)));
      try {
        const list = decodeTlvList(bytes);
        for (const t of list) if (t.constructed) decodeTlvList(t.value);
      } catch (err) {
        expect((err as KioskError).code).toBe('CARD_BAD_TLV');
      }
    }
  });
});

describe('BER-TLV encoding', () => {
  it('writes tags and minimal lengths, and round-trips', () => {
    expect(toHex(encodeTag(0x5f1f))).toBe('5F1F');
    expect(toHex(encodeLength(0x7f))).toBe('7F');
    expect(toHex(encodeLength(0x80))).toBe('8180');
    expect(toHex(encodeLength(0x1234))).toBe('821234');
    expect(toHex(encodeLength(0x123456))).toBe('83123456');
    const nested = encodeTlv(
      0x60,
      encodeTlv(0x5f01, fromHex('30313037')),
      encodeTlv(0x5c, fromHex('616D')),
    );
    expect(toHex(nested)).toBe('600B5F0104303130375C02616D');
    const big = encodeTlv(0x04, new Uint8Array(300));
    expect(decodeSingleTlv(big).length).toBe(300);
    expect(() => encodeTag(-1)).toThrow(RangeError);
  });
});
