/**
 * The parsers against hand-written real-layout bytes (fixtures/real-layout.ts): the DG13 wrapper,
 * fields by number in any order, field 13's shapes, 14 present-but-empty, 15 = old ID, 16 and
 * unknown numbers kept; MRZ position 30; the nesting bound; the read's typed errors.
 */
import { describe, expect, it } from 'vitest';
import { parseDg1, parseTd1 } from '../../../src/main/card/protocol/lds/dg1';
import { DG13_MAX_DEPTH, parseDg13 } from '../../../src/main/card/protocol/lds/dg13';
import { parseCardAccess, selectPaceInfo } from '../../../src/main/card/protocol/card-access';
import {
  CARD_ACCESS_REAL,
  DG13_BARE,
  DG13_REAL,
  DG13_REAL_NO_ID,
  DG13_NO_FATHER_NESTED,
  DG13_NO_FATHER_SIDE_BY_SIDE,
  DG13_REAL_SHUFFLED,
  DG13_YEAR_ONLY_DOB,
  MRZ_ICAO_SPECIMEN,
  MRZ_REAL,
  MRZ_WRONG_ID_CHECK,
  dg1Of,
} from './fixtures/real-layout';

const PERSON = {
  idNumber: '001088012345',
  fullName: 'Lê Văn Hùng',
  dateOfBirth: '1988-05-07',
  sex: 'M',
};

describe('DG13 in the real wrapper', () => {
  it('reads every field by its number, 15 as the old ID, 14 empty, 16 kept but not shown', () => {
    const dg13 = parseDg13(DG13_REAL);
    expect(dg13.wrapped).toBe(true);
    expect(dg13.identity).toEqual({
      ...PERSON,
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      placeOfOrigin: 'Hà Nội',
      placeOfResidence: 'Hà Nội',
      personalIdentification: 'Nốt ruồi',
      dateOfIssue: '2021-08-10',
      dateOfExpiry: '2028-05-07',
      fatherName: 'Lê Văn Bình',
      motherName: 'Trần Thị Hoa',
      spouseName: '',
      oldIdNumber: '012345678',
    });
    expect(dg13.fields.get(14)).toEqual([]);
    expect(dg13.fields.get(16)).toEqual(['A1B2C3D4E5F60718']);
    expect(Object.values(dg13.identity)).not.toContain('A1B2C3D4E5F60718');
    expect(dg13.unknownNumbers).toEqual([]);
  });

  it('finds fields out of order, with some absent and field 13 nested per name', () => {
    const { identity } = parseDg13(DG13_REAL_SHUFFLED);
    expect(identity).toMatchObject({
      ...PERSON,
      oldIdNumber: '012345678',
      fatherName: 'Lê Văn Bình',
      motherName: 'Trần Thị Hoa',
      spouseName: '',
      placeOfResidence: '',
      dateOfExpiry: null,
    });
  });

  it('still reads the bare shape, with field 13 as two SEQUENCEs side by side', () => {
    const dg13 = parseDg13(DG13_BARE);
    expect(dg13.wrapped).toBe(false);
    expect(dg13.identity).toMatchObject({
      ...PERSON,
      fatherName: 'Lê Văn Bình',
      motherName: 'Trần Thị Hoa',
      oldIdNumber: '',
    });
  });

  it('never takes the wrapper for field 1: no field 1 leaves the ID empty, unknowns kept', () => {
    const dg13 = parseDg13(DG13_REAL_NO_ID);
    expect(dg13.identity.idNumber).toBe('');
    expect(dg13.identity.fullName).toBe('Lê Văn Hùng');
    expect(dg13.unknownNumbers).toEqual([21]);
    expect(dg13.fields.get(21)).toEqual(['X']);
  });

  it('an empty father name keeps its place: the mother is never shown as the father', () => {
    for (const bytes of [DG13_NO_FATHER_NESTED, DG13_NO_FATHER_SIDE_BY_SIDE]) {
      expect(parseDg13(bytes).identity).toMatchObject({
        fatherName: '',
        motherName: 'Trần Thị Hoa',
      });
    }
  });

  it('a year-only date of birth is kept as YYYY for the lookup, not dropped', () => {
    expect(parseDg13(DG13_YEAR_ONLY_DOB).identity.dateOfBirth).toBe('1948');
  });

  it('a 30 000-level nested DG13 is CARD_BAD_TLV, not a stack overflow', () => {
    // 30 82 LL LL around the next level, 4 bytes of header each; the innermost is 30 00.
    const levels = 30_000;
    const bytes = new Uint8Array(4 + levels * 4 + 2);
    let len = 2;
    let at = bytes.length - 2;
    bytes.set([0x30, 0x00], at);
    for (let i = 0; i < levels; i++) {
      at -= 4;
      bytes.set([0x30, 0x82, len >> 8, len & 0xff], at);
      len += 4;
      if (len > 0xffff) break;
    }
    // Lengths above 0xFFFF need 3 length bytes: rebuild the outer levels as 30 83 LL LL LL.
    const inner = bytes.subarray(at);
    const outer: number[][] = [];
    let size = inner.length;
    for (let i = 0; size < 4 * levels; i++) {
      outer.push([0x30, 0x83, size >> 16, (size >> 8) & 0xff, size & 0xff]);
      size += 5;
    }
    const wrapped = new Uint8Array(size + 5);
    let o = 0;
    wrapped.set([0x6d, 0x83, size >> 16, (size >> 8) & 0xff, size & 0xff], o);
    o += 5;
    for (let i = outer.length - 1; i >= 0; i--) {
      wrapped.set(outer[i]!, o);
      o += 5;
    }
    wrapped.set(inner, o);
    expect(() => parseDg13(wrapped)).toThrow(expect.objectContaining({ code: 'CARD_BAD_TLV' }));
    expect(DG13_MAX_DEPTH).toBeLessThan(100);
  });
});

describe('DG1 with the ID check digit at position 30', () => {
  it('reads the 12-digit number and checks position 30', () => {
    const dg1 = parseDg1(dg1Of(MRZ_REAL));
    expect(dg1).toMatchObject({
      idNumber: '001088012345',
      idNumberCheckDigit: 'valid',
      documentNumber: '088012345',
      dateOfBirth: '880507',
      dateOfExpiry: '280507',
      sex: 'M',
      checkDigitsValid: true,
    });
  });

  it('a wrong digit at position 30 fails the checks but keeps the number', () => {
    const dg1 = parseDg1(dg1Of(MRZ_WRONG_ID_CHECK));
    expect(dg1.idNumber).toBe('001088012345');
    expect(dg1.idNumberCheckDigit).toBe('invalid');
    expect(dg1.checkDigitsValid).toBe(false);
  });

  it('reads the ICAO 9303-5 TD1 specimen (no 12-digit number)', () => {
    const dg1 = parseTd1(MRZ_ICAO_SPECIMEN.join('\n'));
    expect(dg1).toMatchObject({
      documentNumber: 'D23145890',
      idNumber: null,
      idNumberCheckDigit: 'absent',
      dateOfBirth: '740812',
      dateOfExpiry: '120415',
      sex: 'F',
      checkDigitsValid: true,
    });
  });
});

describe('EF.CardAccess of real cards', () => {
  it('offers PACE-ECDH-GM-AES-128 v2 on brainpoolP256r1 beside TA and CA', () => {
    const infos = parseCardAccess(CARD_ACCESS_REAL);
    expect(infos).toHaveLength(1);
    expect(selectPaceInfo(infos)).toMatchObject({
      oidText: '0.4.0.127.0.7.2.2.4.2.2',
      version: 2,
      parameterId: 13,
    });
  });
});
