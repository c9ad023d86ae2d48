import { describe, expect, it } from 'vitest';
import { parseDg1, parseTd1 } from '../../../src/main/card/protocol/lds/dg1';
import { parseDg13 } from '../../../src/main/card/protocol/lds/dg13';
import { sexFromText as vnSex, vnDateToIso } from '../../../src/shared/identity-input';
import { imageFormat, parseDg2 } from '../../../src/main/card/protocol/lds/dg2';
import { parseEfCom } from '../../../src/main/card/protocol/lds/ef-com';
import { encodeTlv, fromHex } from '../../../src/main/card/protocol/tlv';
import { dg2 } from './fixtures/card';

const utf8 = (s: string) => new TextEncoder().encode(s);
const int = (n: number) => encodeTlv(0x02, new Uint8Array([n]));
const str = (s: string) => encodeTlv(0x0c, utf8(s));
const seq = (...items: Uint8Array[]) => encodeTlv(0x30, ...items);
const field = (n: number, ...values: Uint8Array[]) => seq(int(n), ...values);

/** A made-up person (simulator catalog style), not a real one. */
const FULL = [
  field(1, str('001085012345')),
  field(2, str('Nguyễn Văn An')),
  field(3, str('14/03/1985')),
  field(4, str('Nam')),
  field(5, str('Việt Nam')),
  field(6, str('Kinh')),
  field(7, str('Không')),
  field(8, str('Xã Thanh Xuân, Sóc Sơn, Hà Nội')),
  field(9, str('Số 12 Ngõ 34, Phường Láng Hạ, Đống Đa, Hà Nội')),
  field(10, str('Nốt ruồi C:2cm trên sau cánh mũi phải')),
  field(11, str('02/04/2025')),
  field(12, str('14/03/2045')),
  field(13, seq(str('Nguyễn Văn Bình'), str('Trần Thị Cúc'))),
  field(14, str('')),
  field(15, str('')),
  field(16, str('')),
];

describe('DG13 (Vietnam layout)', () => {
  it('reads every field of the reference layout', () => {
    const { identity, unknownNumbers } = parseDg13(encodeTlv(0x6d, seq(...FULL)));
    expect(identity).toEqual({
      idNumber: '001085012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1985-03-14',
      sex: 'M',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      placeOfOrigin: 'Xã Thanh Xuân, Sóc Sơn, Hà Nội',
      placeOfResidence: 'Số 12 Ngõ 34, Phường Láng Hạ, Đống Đa, Hà Nội',
      personalIdentification: 'Nốt ruồi C:2cm trên sau cánh mũi phải',
      dateOfIssue: '2025-04-02',
      dateOfExpiry: '2045-03-14',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      spouseName: '',
      oldIdNumber: '',
    });
    expect(unknownNumbers).toEqual([]);
  });

  it('keeps unknown numbers, leaves missing fields empty, accepts empty and absent values', () => {
    const dg13 = encodeTlv(
      0x6d,
      seq(
        field(2, str('Lê Thị Nữ')),
        field(4, str('Nữ')),
        field(3, str('')),
        field(12, str('Không thời hạn')),
        field(9), // number without a value
        field(21, str('something new')),
        field(13, str('Lê Văn Cha')), // only the father
      ),
    );
    const { identity, fields, unknownNumbers } = parseDg13(dg13);
    expect(identity.fullName).toBe('Lê Thị Nữ');
    expect(identity.sex).toBe('F');
    expect(identity.dateOfBirth).toBeNull();
    expect(identity.dateOfExpiry).toBeNull();
    expect(identity.placeOfResidence).toBe('');
    expect(identity.idNumber).toBe('');
    expect(identity.fatherName).toBe('Lê Văn Cha');
    expect(identity.motherName).toBe('');
    expect(unknownNumbers).toEqual([21]);
    expect(fields.get(21)).toEqual(['something new']);
  });

  it('accepts long-form lengths, no outer SEQUENCE, extra wrappers, other string types, NFD text', () => {
    const longAddress = 'Thôn Đông, '.repeat(40).trim();
    const nfdName = 'Phạm Thị Hoà'.normalize('NFD');
    const body = [
      seq(int(0)), // a version-like item with no value
      encodeTlv(0x06, fromHex('2B0601')), // an OID nobody asked for
      field(1, encodeTlv(0x13, utf8('079192004567'))), // PrintableString
      field(2, str(nfdName)),
      encodeTlv(0xa0, field(9, str(longAddress))), // wrapped in a context tag
      field(13, seq(encodeTlv(0x1e, fromHex('0054007200FA006E0067')), str('Mẹ'))), // BMPString
    ];
    // Force long-form lengths even where short would do: 6D 82 xx xx.
    const inner = new Uint8Array(body.reduce((n, b) => n + b.length, 0));
    let o = 0;
    for (const b of body) {
      inner.set(b, o);
      o += b.length;
    }
    const dg13 = new Uint8Array([0x6d, 0x82, inner.length >> 8, inner.length & 0xff, ...inner]);
    const { identity } = parseDg13(dg13);
    expect(identity.idNumber).toBe('079192004567');
    expect(identity.fullName).toBe('Phạm Thị Hoà'.normalize('NFC'));
    expect(identity.placeOfResidence).toBe(longAddress);
    expect(identity.fatherName).toBe('Trúng');
    expect(identity.motherName).toBe('Mẹ');
  });

  it('rejects what is not DG13 or not TLV with CARD_BAD_TLV', () => {
    expect(() => parseDg13(encodeTlv(0x61, seq()))).toThrow(
      expect.objectContaining({ code: 'CARD_BAD_TLV' }),
    );
    expect(() => parseDg13(fromHex('6D05300302'))).toThrow(
      expect.objectContaining({ code: 'CARD_BAD_TLV' }),
    );
  });

  it('converts dates and sex words', () => {
    expect(vnDateToIso('05/11/1992')).toBe('1992-11-05');
    expect(vnDateToIso('5/1/1992')).toBe('1992-01-05');
    expect(vnDateToIso('05111992')).toBe('1992-11-05');
    expect(vnDateToIso('31/02/1992')).toBeNull();
    expect(vnDateToIso('Không thời hạn')).toBeNull();
    expect(vnSex('Nữ')).toBe('F');
    expect(vnSex('Nữ'.normalize('NFD'))).toBe('F');
    expect(vnSex('NAM')).toBe('M');
    expect(vnSex('?')).toBeNull();
  });
});

const TD1 = [
  'IDVNM0850123458001085012345<<<',
  '8503147M4503148VNM<<<<<<<<<<<6',
  'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<',
];

describe('DG1, DG2, EF.COM', () => {
  it('reads the TD1 MRZ with the 12-digit ID in the optional data', () => {
    const dg1 = parseDg1(encodeTlv(0x61, encodeTlv(0x5f1f, utf8(TD1.join('')))));
    expect(dg1).toMatchObject({
      documentCode: 'ID',
      issuingState: 'VNM',
      documentNumber: '085012345',
      idNumber: '001085012345',
      dateOfBirth: '850314',
      dateOfExpiry: '450314',
      sex: 'M',
      surname: 'NGUYEN',
      givenNames: 'VAN AN',
    });
    expect(dg1.mrz).toBe(TD1.join('\n'));
    expect(parseTd1(`${TD1.join('\n').toLowerCase()}\n`).lines).toEqual(TD1);
    expect(() => parseTd1('IDVNM')).toThrow(expect.objectContaining({ code: 'CARD_PROTOCOL' }));
  });

  it('finds the JPEG or JPEG 2000 image in an ISO 19794-5 record', () => {
    for (const [image, format] of [
      [fromHex('FFD8FFE000104A464946'), 'jpeg'],
      [fromHex('0000000C6A5020200D0A870A'), 'jpeg2000'],
      [fromHex('FF4FFF51002F'), 'jpeg2000'],
    ] as const) {
      const parsed = parseDg2(dg2(image));
      expect(parsed.format).toBe(format);
      expect(parsed.image).toEqual(image);
      expect([parsed.width, parsed.height]).toEqual([240, 320]);
    }
    expect(imageFormat(fromHex('89504E47'))).toBe('unknown');
    expect(() =>
      parseDg2(encodeTlv(0x75, encodeTlv(0x7f61, encodeTlv(0x02, fromHex('01'))))),
    ).toThrow(expect.objectContaining({ code: 'CARD_BAD_TLV' }));
  });

  it('lists the data groups of EF.COM', () => {
    const com = parseEfCom(fromHex('60145F0104303130365F36063034303030305C026175'));
    expect(com).toEqual({ ldsVersion: '0106', unicodeVersion: '040000', dataGroups: [1, 2] });
  });
});
