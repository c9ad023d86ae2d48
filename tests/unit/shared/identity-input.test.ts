/**
 * The one validator for the card-front QR and typed identity, on QR strings written by hand in
 * the layout in the CCCD reference shared with the team (made-up people; not produced by the
 * simulator's writer).
 */
import { describe, expect, it } from 'vitest';
import {
  checkManualIdentity,
  parseCardQr,
  parseDateOfBirth,
} from '../../../src/shared/identity-input';

const TODAY = '2026-11-23';
// 2021 card: 7 fields, with an old 9-digit ID.
const QR7 =
  '001085012345|012345678|Nguyễn Văn An|14031985|Nam|Số 12 Láng Hạ, Đống Đa, Hà Nội|02042021';
// Mid-2024 card: 11 fields, the last four empty, and no old ID.
const QR11 =
  '079192004567||Trần Thị Bình|05111992|Nữ|45 Lê Lợi, Quận 1, TP Hồ Chí Minh|04102024||||';

describe('card-front QR', () => {
  it('reads a 7-field QR', () => {
    expect(parseCardQr(QR7)).toEqual({
      ok: true,
      value: {
        idNumber: '001085012345',
        oldIdNumber: '012345678',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1985-03-14',
        sex: 'M',
        placeOfResidence: 'Số 12 Láng Hạ, Đống Đa, Hà Nội',
        dateOfIssue: '2021-04-02',
        extra: [],
      },
    });
  });

  it('reads an 11-field QR; an empty old ID does not shift the other fields', () => {
    const r = parseCardQr(QR11);
    expect(r.ok && r.value).toEqual({
      idNumber: '079192004567',
      oldIdNumber: '',
      fullName: 'Trần Thị Bình',
      dateOfBirth: '1992-11-05',
      sex: 'F',
      placeOfResidence: '45 Lê Lợi, Quận 1, TP Hồ Chí Minh',
      dateOfIssue: '2024-10-04',
      extra: ['', '', '', ''],
    });
  });

  it.each(['\r\n', '\n', '\r'])('drops the trailing %j a wedge scanner sends', (end) => {
    const r = parseCardQr(QR11 + end);
    expect(r.ok && r.value.extra).toEqual(['', '', '', '']);
    expect(r.ok && r.value.dateOfIssue).toBe('2024-10-04');
  });

  it('normalises NFD text (Nữ, the name) to NFC', () => {
    const r = parseCardQr(QR11.normalize('NFD'));
    expect(r.ok && r.value.sex).toBe('F');
    expect(r.ok && r.value.fullName).toBe('Trần Thị Bình'.normalize('NFC'));
    expect(r.ok && r.value.fullName === r.value.fullName.normalize('NFC')).toBe(true);
  });

  it('keeps a year-only date of birth for the insurance lookup', () => {
    const r = parseCardQr('036148001122||Lê Văn Cường|1948|Nam|Thái Bình|01022022');
    expect(r.ok && r.value.dateOfBirth).toBe('1948');
  });

  it.each([
    ['https://example.org', 'qrFields'],
    ['001085012345|x|y|14031985|Nam', 'qrFields'],
    ['00108501234||Nguyễn Văn An|14031985|Nam|Hà Nội|02042021', 'qrIdNumber'],
    ['001085012345||Nguyễn Văn An|31021985|Nam|Hà Nội|02042021', 'qrDateOfBirth'],
    ['001085012345||Nguyễn Văn An|abc|Nam|Hà Nội|02042021', 'qrDateOfBirth'],
  ])('refuses %j with %s', (text, error) => {
    expect(parseCardQr(text)).toEqual({ ok: false, error });
  });
});

describe('date of birth as typed', () => {
  it.each([
    ['14/03/1985', '1985-03-14'],
    ['4/3/1985', '1985-03-04'],
    ['14031985', '1985-03-14'],
    ['1985-03-14', '1985-03-14'],
    ['1985', '1985'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDateOfBirth(text, TODAY)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['', 'dobRequired'],
    ['14-3', 'dobFormat'],
    ['31/04/1990', 'dobNotReal'],
    ['2027', 'dobFuture'],
    ['24/11/2026', 'dobFuture'],
    ['1899', 'dobTooOld'],
  ])('%j is %s', (text, error) => {
    expect(parseDateOfBirth(text, TODAY)).toEqual({ ok: false, error });
  });
});

describe('typed identity', () => {
  const good = {
    idNumber: '001085012345',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1985',
    sex: 'M',
  };

  it('a year-only date of birth passes through', () => {
    expect(checkManualIdentity(good, TODAY)).toEqual({ ok: true, value: good });
  });

  it('one rule for the BHYT benefit digit (1-5) and the name length', () => {
    const bad = checkManualIdentity(
      { ...good, cardNumber: 'DN6010123456781', fullName: 'A'.repeat(101) },
      TODAY,
    );
    expect(bad).toEqual({
      ok: false,
      errors: { cardNumber: 'cardFormat', fullName: 'nameLength' },
    });
    const ok = checkManualIdentity({ ...good, cardNumber: 'dn 4010123456781' }, TODAY);
    expect(ok.ok && ok.value.cardNumber).toBe('DN4010123456781');
  });
});
