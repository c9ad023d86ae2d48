/** The trust verdict that gates every action on chip data (src/main/domain/chip-trust.ts). */
import { describe, expect, it } from 'vitest';
import type { PatientView } from '../../../src/shared/domain';
import {
  chipAcceptor,
  chipTrustVerdict,
  type ChipTrustPolicy,
} from '../../../src/main/domain/chip-trust';
import { INPUT_SCHEMAS } from '../../../src/main/api/input-schemas';

const STRICT: ChipTrustPolicy = { requireVerifiedChip: true, requireChipAuthentication: true };
const LENIENT: ChipTrustPolicy = { requireVerifiedChip: false, requireChipAuthentication: false };

function chip(
  pa: 'valid' | 'invalid' | 'unverified' | null,
  ca: 'genuine' | 'failed' | 'not-offered' | null,
): PatientView {
  return {
    idNumber: '001085012345',
    fullName: 'x',
    dateOfBirth: null,
    sex: null,
    source: 'chip',
    photoDataUrl: null,
    photoFormat: null,
    passiveAuthentication: pa ? { status: pa, detail: '' } : null,
    chipAuthentication: ca
      ? { status: ca, method: ca === 'not-offered' ? null : 'CA', detail: '' }
      : null,
    idNumberCheck: null,
  };
}

const ACCEPTED = {
  by: { name: 'Trần Thị Quầy', idNumber: '001190000002' },
  at: '2026-11-23T03:00:00.000Z',
};

describe('chip trust verdict', () => {
  it('trusted only with passive authentication valid and chip authentication genuine', () => {
    expect(chipTrustVerdict(chip('valid', 'genuine'), STRICT, null)).toEqual({
      trusted: true,
      acceptance: null,
    });
    for (const [pa, ca] of [
      ['invalid', 'genuine'],
      ['valid', 'failed'],
      ['unverified', 'genuine'],
      ['valid', 'not-offered'],
      [null, 'genuine'],
    ] as const) {
      expect(chipTrustVerdict(chip(pa, ca), STRICT, null).trusted, `${pa}/${ca}`).toBe(false);
    }
  });

  it('the configuration relaxes only the absence of evidence, never evidence against the card', () => {
    expect(chipTrustVerdict(chip('unverified', 'not-offered'), LENIENT, null).trusted).toBe(true);
    expect(chipTrustVerdict(chip('invalid', 'genuine'), LENIENT, null)).toMatchObject({
      trusted: false,
      problem: { code: 'CHECKIN_CARD_NOT_GENUINE' },
    });
    expect(chipTrustVerdict(chip('valid', 'failed'), LENIENT, null)).toMatchObject({
      trusted: false,
      problem: { code: 'CHECKIN_CARD_NOT_GENUINE' },
    });
    expect(chipTrustVerdict(chip(null, null), LENIENT, null).trusted).toBe(false);
  });

  it('a staff acceptance makes any chip trusted, and says who', () => {
    expect(chipTrustVerdict(chip('invalid', 'failed'), STRICT, ACCEPTED)).toEqual({
      trusted: true,
      acceptance: ACCEPTED,
    });
  });

  it('typed data is not chip data: no verdict against it', () => {
    expect(chipTrustVerdict({ ...chip(null, null), source: 'typed' }, STRICT, null).trusted).toBe(
      true,
    );
  });
});

describe('who accepts a chip', () => {
  const configured = { name: 'Nguyễn Văn Cán Bộ', idNumber: '001090000009' };
  it('the officer the desk names, else the configured officer, else the station', () => {
    expect(
      chipAcceptor({ name: ' Trần Thị Quầy ', idNumber: '001190000002' }, configured, 'Q1'),
    ).toEqual({ name: 'Trần Thị Quầy', idNumber: '001190000002' });
    expect(chipAcceptor(undefined, configured, 'Q1')).toEqual(configured);
    expect(chipAcceptor(null, null, 'Q1')).toEqual({ name: 'station Q1', idNumber: null });
  });

  it('the API boundary takes an officer with a name and a 12-digit number, or none', () => {
    const schema = INPUT_SCHEMAS['checkin.acceptChip'];
    expect(schema.safeParse({}).success).toBe(true);
    expect(
      schema.safeParse({ officer: { name: 'Trần Thị Quầy', idNumber: '001190000002' } }).success,
    ).toBe(true);
    expect(schema.safeParse({ officer: { name: '', idNumber: '001190000002' } }).success).toBe(
      false,
    );
    expect(schema.safeParse({ officer: { name: 'A', idNumber: '123' } }).success).toBe(false);
    expect(
      schema.safeParse({ officer: { name: 'A', idNumber: '001190000002', x: 1 } }).success,
    ).toBe(false);
  });
});
