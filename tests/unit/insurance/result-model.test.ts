import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/load-config';
import { decodeCardNumber } from '../../../src/main/insurance/card-number';
import { coverageFor } from '../../../src/main/insurance/coverage';
import { mapAnswer, type MapContext } from '../../../src/main/insurance/map-answer';
import { RESULT_CODES, meaningOf } from '../../../src/main/insurance/result-codes';
import { cardAnswerSchema } from '../../../src/main/insurance/wire';
import { KioskError } from '../../../src/shared/errors';

const REFERENCE_CODES = [
  '000',
  '001',
  '002',
  '003',
  '004',
  '010',
  '050',
  '051',
  '052',
  '053',
  '054',
  '055',
  '060',
  '061',
  '070',
  '090',
  '100',
  '101',
  '110',
  '120',
  '121',
  '122',
  '123',
  '124',
  '130',
  '205',
  '401',
  '500',
];

describe('result codes', () => {
  it('every code of the reference table has an outcome and a message in both languages', () => {
    expect(Object.keys(RESULT_CODES).sort()).toEqual([...REFERENCE_CODES].sort());
    for (const code of REFERENCE_CODES) {
      const m = meaningOf(code);
      expect(m.outcome).not.toBe('unknown-code');
      expect(m.message.vi).toMatch(/\S/);
      expect(m.message.en).toMatch(/\S/);
    }
  });

  it('only 000-004 allow check-in with insurance', () => {
    const may = REFERENCE_CODES.filter((c) => meaningOf(c).mayUseInsurance);
    expect(may).toEqual(['000', '001', '002', '003', '004']);
  });

  it("groups codes into the issue's outcomes", () => {
    const o = (c: string): string => meaningOf(c).outcome;
    expect([o('000'), o('001'), o('003'), o('010'), o('051'), o('100'), o('054')]).toEqual([
      'insured',
      'insured-with-notes',
      'replaced-card',
      'not-insured',
      're-enter',
      'retry-later',
      'configuration-error',
    ]);
  });

  it('an unknown code is unknown-code, never valid, and names the code', () => {
    const m = meaningOf('777');
    expect(m).toMatchObject({ outcome: 'unknown-code', mayUseInsurance: false, needsStaff: true });
    expect(m.message.en).toContain('777');
  });
});

describe('card number and coverage rules', () => {
  const rules = parseConfig({}, 'x').insurance.coverageRules;

  it('decodes group, printed level, province and social-insurance number', () => {
    expect(decodeCardNumber('HS4010120878811')).toEqual({
      group: 'HS',
      printedLevel: 4,
      province: '01',
      socialInsuranceNumber: '0120878811',
    });
    expect(decodeCardNumber('001085012345')).toBeNull();
    expect(decodeCardNumber('HS6010120878811')).toBeNull();
  });

  it('applies the rule in force on the day: CN and LH move to level 2 on 2026-01-01', () => {
    expect(coverageFor(rules, '2025-12-31', 'CN', 3)).toMatchObject({ level: 3, percent: 95 });
    expect(coverageFor(rules, '2026-01-01', 'CN', 3)).toMatchObject({ level: 2, percent: 100 });
    expect(coverageFor(rules, '2025-06-01', 'LH', 4)).toMatchObject({ level: 4, percent: 80 });
    expect(coverageFor(rules, '2026-06-01', 'LH', 4)).toMatchObject({ level: 2, percent: 100 });
    expect(coverageFor(rules, '2026-06-01', 'ZZ', 5)).toMatchObject({ level: 5, percent: 100 });
    expect(coverageFor(rules, '1999-01-01', 'DN', 4)).toBeNull();
  });

  it('rejects a configuration with a malformed rule, naming the field', () => {
    expect(() =>
      parseConfig(
        { insurance: { coverageRules: [{ effectiveFrom: '2026', levels: {}, groups: {} }] } },
        'c.json',
      ),
    ).toThrow(/insurance\.coverageRules\.0\.effectiveFrom/);
  });
});

describe('mapping an answer', () => {
  const ctx: MapContext = {
    today: '2026-11-23',
    checkedAt: '2026-11-23T03:00:00.000Z',
    facilityCode: '01001',
    facilityName: 'Bệnh viện Đa khoa Mô phỏng',
    rules: parseConfig({}, 'x').insurance.coverageRules,
  };
  const valid = {
    maKetQua: '000',
    ghiChu: 'Thẻ còn giá trị sử dụng.',
    maThe: 'CN3010120878811',
    hoTen: 'Nguyễn Văn An',
    ngaySinh: '14/03/1985',
    gioiTinh: 'Nam',
    maDKBD: '79025',
    gtTheTu: '01/01/2026',
    gtTheDen: '10/12/2026',
    maKV: 'K1',
    ngayDu5Nam: '01/01/2020',
  };
  const map = (a: Record<string, unknown>) => mapAnswer(cardAnswerSchema.parse(a), ctx);

  it('maps card fields to ISO dates and decodes the rest, with notes for staff', () => {
    const r = map(valid);
    expect(r).toMatchObject({ code: '000', outcome: 'insured', mayUseInsurance: true });
    expect(r.card).toMatchObject({
      number: 'CN3010120878811',
      dateOfBirth: '1985-03-14',
      sex: 'M',
      validFrom: '2026-01-01',
      validTo: '2026-12-10',
      registeredFacility: { code: '79025', name: null },
      benefitLevel: 2,
      coveragePercent: 100,
      areaCode: 'K1',
      socialInsuranceNumber: '0120878811',
      address: null,
    });
    expect(r.assessment).toMatchObject({
      group: 'CN',
      printedLevel: 3,
      registeredHere: false,
      validToday: true,
      fiveYearsContinuous: true,
    });
    const notes = r.assessment!.notes.map((n) => n.en).join(' | ');
    expect(notes).toMatch(/expires on 10\/12\/2026 \(17 days left\)/);
    expect(notes).toMatch(/another facility \(79025\)/);
    expect(notes).toMatch(/Benefit level under the rules from 01\/01\/2026: 2 \(card printed 3\)/);
  });

  it('a "valid" code for a card whose dates do not cover today is not usable', () => {
    const r = map({ ...valid, gtTheDen: '31/12/2025' });
    expect(r).toMatchObject({ code: '000', outcome: 'not-insured', mayUseInsurance: false });
    expect(r.message.en).toMatch(/not valid today/);
  });

  it('a "valid" code without a card number or with an unreadable end date is a bad answer', () => {
    for (const a of [
      { ...valid, maThe: null },
      { ...valid, gtTheDen: '2026-12-31' },
      { ...valid, gtTheDen: '31/02/2026' },
    ]) {
      let err: unknown;
      try {
        map(a);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KioskError);
      expect((err as KioskError).code).toBe('INSURANCE_BAD_ANSWER');
    }
  });

  it('an error code without card data maps to card null; numbers where strings belong are read', () => {
    const r = map({ maKetQua: 50, ghiChu: 'Không có thông tin thẻ.' });
    expect(r).toMatchObject({ code: '050', card: null, replacement: null, history: [] });
    const unknown = map({ ...valid, maKetQua: '999' });
    expect(unknown).toMatchObject({ outcome: 'unknown-code', mayUseInsurance: false });
  });

  it('objects where text belongs are refused by the schema', () => {
    expect(cardAnswerSchema.safeParse({ ...valid, hoTen: { a: 1 } }).success).toBe(false);
    expect(cardAnswerSchema.safeParse({ ...valid, maKetQua: 'OK' }).success).toBe(false);
  });
});
