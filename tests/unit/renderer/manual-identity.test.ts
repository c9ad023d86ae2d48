import { describe, expect, it } from 'vitest';
import {
  EMPTY_MANUAL_FORM,
  formFromCardQr,
  validateManualForm,
} from '../../../src/renderer/src/lib/manual-identity';
import { isRealIsoDate as isRealDate } from '../../../src/shared/identity-input';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';

const TODAY = '2026-11-23';
const GOOD = {
  idNumber: '001085012345',
  fullName: '  Nguyễn   Văn An ',
  dateOfBirth: '14/03/1985',
  sex: 'M' as const,
  cardNumber: '',
};

describe('manual entry validation', () => {
  it('accepts a complete form, normalising the name and the date', () => {
    const result = validateManualForm(GOOD, TODAY);
    expect(result).toEqual({
      ok: true,
      value: {
        idNumber: '001085012345',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1985-03-14',
        sex: 'M',
      },
    });
  });

  it('gives every empty field its own problem', () => {
    const result = validateManualForm(EMPTY_MANUAL_FORM, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        idNumber: 'idRequired',
        fullName: 'nameRequired',
        dateOfBirth: 'dobRequired',
        sex: 'sexRequired',
      });
    }
  });

  it.each([
    [{ idNumber: '00108501234' }, 'idNumber', 'idDigits'],
    [{ idNumber: '00108501234X' }, 'idNumber', 'idDigits'],
    [{ fullName: 'An 2' }, 'fullName', 'nameCharacters'],
    [{ dateOfBirth: '31/04/1990' }, 'dateOfBirth', 'dobNotReal'],
    [{ dateOfBirth: '29/02/2023' }, 'dateOfBirth', 'dobNotReal'],
    [{ dateOfBirth: '199' }, 'dateOfBirth', 'dobFormat'],
    [{ dateOfBirth: '2027' }, 'dateOfBirth', 'dobFuture'],
    [{ fullName: 'A'.repeat(101) }, 'fullName', 'nameLength'],
    [{ dateOfBirth: '2027-01-01' }, 'dateOfBirth', 'dobFuture'],
    [{ dateOfBirth: '1899-12-31' }, 'dateOfBirth', 'dobTooOld'],
    [{ cardNumber: 'DN401012345678' }, 'cardNumber', 'cardFormat'],
    [{ cardNumber: 'DN0010123456781' }, 'cardNumber', 'cardFormat'],
  ])('rejects %j with %s: %s', (patch, field, code) => {
    const result = validateManualForm({ ...GOOD, ...patch }, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [field]: code });
  });

  it('takes a leap day and an upper-cased BHYT number', () => {
    const result = validateManualForm(
      { ...GOOD, dateOfBirth: '2024-02-29', cardNumber: 'dn4010123456781' },
      TODAY,
    );
    expect(result.ok && result.value).toMatchObject({
      dateOfBirth: '2024-02-29',
      cardNumber: 'DN4010123456781',
    });
  });

  it('knows real calendar dates', () => {
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
  });
});

describe('the card-front QR in the manual form', () => {
  it('fills the form from a simulated card QR', () => {
    const identity = simIdentity(3);
    const form = formFromCardQr(simQrText(identity));
    expect(form).toEqual({
      idNumber: identity.card.idNumber,
      fullName: identity.card.fullName,
      dateOfBirth: identity.card.dateOfBirth,
      sex: identity.card.sex,
      cardNumber: '',
    });
    expect(validateManualForm(form!, TODAY).ok).toBe(true);
  });

  it('refuses text that is not a CCCD QR', () => {
    expect(formFromCardQr('https://example.org')).toBeNull();
    expect(formFromCardQr('12|x|y|z|w')).toBeNull();
  });
});
