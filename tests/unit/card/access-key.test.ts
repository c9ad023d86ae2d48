import { describe, expect, it } from 'vitest';
import {
  accessKeyCandidates,
  birthday,
  expiryFromIssue,
  chipPasswords,
  likelyExpiries,
  parseQrText,
} from '../../../src/main/card/protocol/access-key';
import { checkIdNumber, decodeIdNumber } from '../../../src/main/card/protocol/id-number-check';
import { composeMrzInfo, mrzCheckDigit } from '../../../src/main/card/protocol/mrz-info';

const TODAY = new Date('2026-11-23T03:00:00Z');
const expiriesOf = (list: { mrzInfo: string }[]) => list.map((c) => c.mrzInfo.slice(17, 23));

describe('MRZ information', () => {
  it('matches ICAO 9303-11 D.3 and the 7-3-1 check digits', () => {
    expect(composeMrzInfo('L898902C', '690806', '940623')).toBe('L898902C<369080619406236');
    expect(mrzCheckDigit('L898902C<')).toBe('3');
    expect(mrzCheckDigit('991231')).toBe('5');
  });
});

describe('expiry from the renewal ages', () => {
  it('a card is valid until the next renewal birthday, or the one after when issued within two years of it', () => {
    expect(expiryFromIssue('1985-03-14', '2025-04-02')).toBe('2045-03-14');
    expect(expiryFromIssue('1992-11-05', '2021-07-19')).toBe('2032-11-05');
    expect(expiryFromIssue('1990-01-01', '2027-12-31')).toBe('2030-01-01');
    expect(expiryFromIssue('1990-01-01', '2028-01-01')).toBe('2050-01-01');
    expect(expiryFromIssue('2022-03-03', '2024-07-01')).toBe('2036-03-03');
    expect(expiryFromIssue('1967-06-01', '2025-12-01')).toBeNull(); // 58½: no expiry
    expect(expiryFromIssue('1948-06-30', '2021-03-01')).toBeNull();
    expect(birthday('2024-02-29', 14)).toBe('2038-02-28');
    expect(birthday('2000-02-29', 40)).toBe('2040-02-29');
  });

  it('without an issue date: the next milestone first, then its neighbours', () => {
    expect(likelyExpiries('1992-11-05', '2026-11-23')).toEqual([
      '2032-11-05',
      '2017-11-05',
      '2052-11-05',
    ]);
    // 39: may have renewed early, so the milestone after comes before the one before.
    expect(likelyExpiries('1987-01-10', '2026-11-23')).toEqual([
      '2027-01-10',
      '2047-01-10',
      '2012-01-10',
    ]);
    // 59: next is 60, or no expiry when renewed early.
    expect(likelyExpiries('1967-06-01', '2026-11-23')).toEqual(['2027-06-01', null, '2007-06-01']);
    // 78: no expiry, or the 60th birthday of a card never renewed.
    expect(likelyExpiries('1948-06-30', '2026-11-23')).toEqual([null, '2008-06-30']);
    // A child: 14, then 25.
    expect(likelyExpiries('2022-03-03', '2026-11-23')).toEqual(['2036-03-03', '2047-03-03']);
  });
});

describe('access key candidates', () => {
  const qr =
    '001085012345||Nguyễn Văn An|14031985|Nam|Số 12 Ngõ 34, Láng Hạ, Đống Đa, Hà Nội|02042025';

  it('QR text: the expiry from the issue date first, then the derived ones', () => {
    const list = accessKeyCandidates({ kind: 'qr', text: qr }, TODAY);
    expect(list[0]).toEqual({
      mrzInfo: composeMrzInfo('085012345', '850314', '450314'),
      reason: 'expiry from issue date',
    });
    expect(expiriesOf(list)).toEqual(['450314', '250314']);
  });

  it('QR text with extra fields and a trailing newline is accepted and keeps the extras', () => {
    const parsed = parseQrText(`${qr}|extra1|extra2\r\n`);
    expect(parsed).toMatchObject({
      idNumber: '001085012345',
      dateOfBirth: '1985-03-14',
      sex: 'M',
      dateOfIssue: '2025-04-02',
      extra: ['extra1', 'extra2'],
    });
  });

  it('ID + date of birth: a given expiry first, then derived ones; past 58 includes no-expiry (991231)', () => {
    const given = accessKeyCandidates(
      {
        kind: 'id-dob',
        idNumber: '036148001122',
        dateOfBirth: '1948-06-30',
        dateOfExpiry: '2030-01-01',
      },
      TODAY,
    );
    expect(expiriesOf(given)).toEqual(['300101', '991231', '080630']);
    expect(given[0]!.mrzInfo.slice(0, 10)).toBe('1480011223');
    const derived = accessKeyCandidates(
      { kind: 'id-dob', idNumber: '031078005566', dateOfBirth: '1978-09-21' },
      TODAY,
    );
    expect(expiriesOf(derived)).toEqual(['380921', '180921']);
  });

  it('born on 29 February: also tries 1 March, at most four keys', () => {
    const list = accessKeyCandidates(
      { kind: 'id-dob', idNumber: '001324000909', dateOfBirth: '2024-02-29' },
      TODAY,
    );
    expect(expiriesOf(list)).toEqual(['380228', '490228', '380301', '490301']);
  });

  it('full MRZ: one key from its fields, whitespace and case tolerated', () => {
    const line1 = `IDVNM085012345${mrzCheckDigit('085012345')}001085012345<<<`;
    const line2 = `850314${mrzCheckDigit('850314')}M450314${mrzCheckDigit('450314')}VNM<<<<<<<<<<<0`;
    const line3 = 'NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<';
    const list = accessKeyCandidates(
      { kind: 'mrz', text: ` ${line1}\n${line2.toLowerCase()}\r\n${line3} ` },
      TODAY,
    );
    expect(list).toEqual([
      { mrzInfo: composeMrzInfo('085012345', '850314', '450314'), reason: 'full MRZ' },
    ]);
  });

  it('bad input is CARD_KEY_INVALID before any card work', () => {
    for (const key of [
      { kind: 'qr' as const, text: 'hello' },
      { kind: 'qr' as const, text: '12345|x|y|14031985' },
      { kind: 'qr' as const, text: '001085012345||A|31021985|Nam|x|01012020' },
      { kind: 'id-dob' as const, idNumber: '00108501234', dateOfBirth: '1985-03-14' },
      { kind: 'id-dob' as const, idNumber: '001085012345', dateOfBirth: '1985-02-30' },
      {
        kind: 'id-dob' as const,
        idNumber: '001085012345',
        dateOfBirth: '1985-03-14',
        dateOfExpiry: '2045/03/14',
      },
      { kind: 'mrz' as const, text: 'IDVNM' },
    ]) {
      expect(() => accessKeyCandidates(key, TODAY)).toThrow(
        expect.objectContaining({ code: 'CARD_KEY_INVALID' }),
      );
    }
  });
});

describe('ID number check', () => {
  it('agrees when province, sex/century and year digits match the chip', () => {
    expect(checkIdNumber('001085012345', '1985-03-14', 'M')).toEqual({
      consistent: true,
      problems: [],
    });
    expect(checkIdNumber('079300001234', '2000-05-01', 'F')).toEqual({
      consistent: true,
      problems: [],
    });
    expect(decodeIdNumber('079300001234')).toEqual({
      province: '079',
      sex: 'F',
      century: 2000,
      year: 2000,
    });
  });

  it('says in plain words what disagrees', () => {
    expect(checkIdNumber('001185012345', '1985-03-14', 'M').problems).toEqual([
      'the sex/century digit says female born 1900-1999, but the chip says male',
    ]);
    expect(checkIdNumber('001285012345', '1985-03-14', 'M').problems).toEqual([
      'the sex/century digit says male born 2000-2099, but the chip says born 1985',
    ]);
    expect(checkIdNumber('001087012345', '1985-03-14', 'M').problems).toEqual([
      'the year digits say 1987, but the chip says born 1985',
    ]);
    expect(checkIdNumber('099085012345', '1985-03-14', 'M').problems).toEqual([
      'the first three digits (099) are not a province code',
    ]);
    expect(checkIdNumber('12345', null, null)).toEqual({
      consistent: false,
      problems: ['the ID number is not 12 digits'],
    });
    expect(checkIdNumber('001085012345', null, null).consistent).toBe(true);
  });
});

describe('a QR with a year-only date of birth', () => {
  const qr = '036148001122||Lê Văn Cường|1948|Nam|Thái Bình|01022022||||';

  it('gives the CAN but no BAC key (PACE only), instead of an error', () => {
    expect(chipPasswords({ kind: 'qr', text: qr }, new Date('2026-11-23T00:00:00Z'))).toEqual({
      can: '001122',
      mrz: [],
    });
  });
});
