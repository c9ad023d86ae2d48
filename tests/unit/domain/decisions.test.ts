import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/domain';
import { applyOverride, decideInsurance } from '../../../src/main/domain/insurance-decision';
import { assessRecheck } from '../../../src/main/domain/recheck';
import { retryDelayMs } from '../../../src/main/checkin/recheck-worker';
import { toStoreError } from '../../../src/main/store/store-errors';
import { insuranceResult } from '../checkin/fakes';

const VN = 'Asia/Ho_Chi_Minh';
const now = new Date('2026-11-23T08:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const down = {
  kind: 'no-answer' as const,
  error: { code: 'INSURANCE_UNAVAILABLE', message: { vi: '', en: '' } },
};

/** Answers that staff must look at, and the reason the check-in gives for them. */
const NEEDS_STAFF = [
  ['re-enter', 'CHECKIN_INSURANCE_RE_ENTER'],
  ['configuration-error', 'CHECKIN_INSURANCE_CONFIG'],
  ['unknown-code', 'CHECKIN_INSURANCE_UNKNOWN'],
] as const;

describe('insurance decision', () => {
  it('online answers are used; re-enter, configuration and unknown codes need staff', () => {
    const d = decideInsurance({
      attempt: { kind: 'answered', result: insuranceResult() },
      cached: null,
      now,
      timeZone: VN,
      cacheMaxAgeHours: 72,
    });
    expect(d).toMatchObject({ insurance: { source: 'online' }, needsStaff: null, recheck: false });
    for (const [outcome, code] of NEEDS_STAFF) {
      const r = decideInsurance({
        attempt: { kind: 'answered', result: insuranceResult(outcome, false) },
        cached: null,
        now,
        timeZone: VN,
        cacheMaxAgeHours: 72,
      });
      expect(r.needsStaff?.code).toBe(code);
    }
  });

  it('"retry later" counts as no answer', () => {
    const cached = { result: insuranceResult(), fetchedAt: hoursAgo(1) };
    const d = decideInsurance({
      attempt: { kind: 'answered', result: insuranceResult('retry-later', false, '500') },
      cached,
      now,
      timeZone: VN,
      cacheMaxAgeHours: 72,
    });
    expect(d).toMatchObject({ insurance: { source: 'cache' }, recheck: true });
  });

  it('cache age boundary: at the limit fresh, past it stale', () => {
    const at = (h: number) =>
      decideInsurance({
        attempt: down,
        cached: { result: insuranceResult(), fetchedAt: hoursAgo(h) },
        now,
        timeZone: VN,
        cacheMaxAgeHours: 72,
      });
    expect(at(72)).toMatchObject({ insurance: { stale: false }, needsStaff: null });
    expect(at(72.01)).toMatchObject({
      insurance: { stale: true },
      needsStaff: { code: 'CHECKIN_CACHE_STALE' },
    });
    expect(
      decideInsurance({ attempt: down, cached: null, now, timeZone: VN, cacheMaxAgeHours: 72 }),
    ).toMatchObject({
      insurance: { source: 'pending', result: null },
      needsStaff: null,
      recheck: true,
    });
  });

  it('a cached "valid" for a card that has ended since is not used as valid: staff check it', () => {
    // Fetched an hour ago, on the card's last day; the hospital's today is the day after.
    const ended = '2026-11-22';
    const result = insuranceResult();
    result.card!.validTo = ended;
    const d = decideInsurance({
      attempt: down,
      cached: { result, fetchedAt: hoursAgo(1) },
      now,
      timeZone: VN,
      cacheMaxAgeHours: 72,
    });
    expect(d).toMatchObject({
      insurance: { source: 'cache', stale: true },
      needsStaff: { code: 'CHECKIN_CACHE_CARD_ENDED' },
      recheck: true,
    });
    // A replaced card is judged by the new card's dates.
    result.outcome = 'replaced-card';
    result.replacement = {
      number: 'DN4010123456799',
      validFrom: '2026-01-01',
      validTo: '2099-12-31',
      registeredFacility: null,
    };
    expect(
      decideInsurance({
        attempt: down,
        cached: { result, fetchedAt: hoursAgo(1) },
        now,
        timeZone: VN,
        cacheMaxAgeHours: 72,
      }),
    ).toMatchObject({ insurance: { stale: false }, needsStaff: null });
  });

  it("the card's last day is over when the hospital's day is over, not the machine's", () => {
    const result = insuranceResult();
    result.card!.validTo = '2026-11-22';
    // 01:00 on 23 November in Vietnam, still 22 November in UTC.
    const at = new Date('2026-11-22T18:00:00.000Z');
    const cached = { result, fetchedAt: new Date(at.getTime() - 3_600_000).toISOString() };
    const decide = (timeZone: string) =>
      decideInsurance({ attempt: down, cached, now: at, timeZone, cacheMaxAgeHours: 72 });
    expect(decide(VN).needsStaff?.code).toBe('CHECKIN_CACHE_CARD_ENDED');
    expect(decide('UTC').needsStaff).toBeNull();
  });

  it('cached answers that need staff online need staff offline too', () => {
    for (const [outcome, code] of NEEDS_STAFF) {
      const d = decideInsurance({
        attempt: down,
        cached: { result: insuranceResult(outcome, false, '999'), fetchedAt: hoursAgo(1) },
        now,
        timeZone: VN,
        cacheMaxAgeHours: 72,
      });
      expect(d.needsStaff?.code).toBe(code);
    }
  });

  it('overrides', () => {
    const current = {
      source: 'pending' as const,
      result: null,
      cachedAt: null,
      stale: false,
      note: null,
    };
    const base = { note: 'n', current, cached: null, now, cacheMaxAgeHours: 72 };
    expect(applyOverride({ ...base, decision: 'self-pay' })).toMatchObject({
      insurance: { source: 'self-pay', note: 'n' },
      recheck: false,
    });
    expect(applyOverride({ ...base, decision: 'insurance-pending' })).toMatchObject({
      insurance: { source: 'pending' },
      recheck: true,
    });
    expect(applyOverride({ ...base, decision: 'accept-insurance' })).toMatchObject({
      insurance: { source: 'staff-override' },
      recheck: true,
    });
    expect(() => applyOverride({ ...base, decision: 'use-cached' })).toThrow(
      expect.objectContaining({ code: 'CHECKIN_NO_CACHE' }),
    );
  });
});

describe('re-check assessment', () => {
  const visit = (insurance: Visit['insurance'], status: Visit['status'] = 'active') =>
    ({ status, patient: { idNumber: '1' }, insurance }) as Visit;
  const pending = {
    source: 'pending' as const,
    result: null,
    cachedAt: null,
    stale: false,
    note: null,
  };
  const cache = {
    source: 'cache' as const,
    result: insuranceResult(),
    cachedAt: hoursAgo(1),
    stale: false,
    note: null,
  };

  it('fills in a pending visit; flags it when insurance may not be used', () => {
    expect(assessRecheck(visit(pending), insuranceResult())).toMatchObject({
      visitInsurance: { source: 'online' },
      discrepancy: null,
    });
    expect(
      assessRecheck(visit(pending), insuranceResult('not-insured', false, '050')).discrepancy,
    ).toMatchObject({
      usedAtCheckin: { code: null, outcome: null, source: 'pending' },
      recheck: { code: '050', outcome: 'not-insured' },
    });
  });

  it('flags a cached decision only when outcome or may-use differ', () => {
    expect(assessRecheck(visit(cache), insuranceResult())).toEqual({
      visitInsurance: null,
      discrepancy: null,
    });
    expect(
      assessRecheck(visit(cache), insuranceResult('insured-with-notes', true, '001')).discrepancy,
    ).not.toBeNull();
    expect(
      assessRecheck(visit(cache), insuranceResult('insured', false)).discrepancy,
    ).not.toBeNull();
  });

  it('ignores cancelled and missing visits', () => {
    expect(assessRecheck(visit(cache, 'cancelled'), insuranceResult('not-insured', false))).toEqual(
      { visitInsurance: null, discrepancy: null },
    );
    expect(assessRecheck(null, insuranceResult())).toEqual({
      visitInsurance: null,
      discrepancy: null,
    });
  });
});

describe('helpers', () => {
  it('retry delay doubles and is capped', () => {
    expect([0, 1, 2, 3, 10, 100].map((a) => retryDelayMs(a, 1000, 5000))).toEqual([
      1000, 2000, 4000, 5000, 5000, 5000,
    ]);
  });

  it('maps SQLite and file-system failures to typed store errors', () => {
    const e = (code: string) => toStoreError(Object.assign(new Error('x'), { code }), 'test').code;
    expect(e('SQLITE_FULL')).toBe('STORE_FULL');
    expect(e('ENOSPC')).toBe('STORE_FULL');
    expect(e('SQLITE_READONLY')).toBe('STORE_READONLY');
    expect(e('EROFS')).toBe('STORE_READONLY');
    expect(e('SQLITE_CORRUPT')).toBe('STORE_CORRUPT');
    expect(e('SQLITE_NOTADB')).toBe('STORE_CORRUPT');
    expect(e('SQLITE_BUSY')).toBe('STORE_LOCKED');
    expect(e('SQLITE_IOERR_WRITE')).toBe('STORE_IO');
    expect(e('SQLITE_CANTOPEN')).toBe('STORE_CANNOT_OPEN');
    expect(e('WHATEVER')).toBe('STORE_FAILED');
    const full = toStoreError(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }), 'check-in');
    expect(full.localized.vi).toMatch(/đầy/);
    expect(full.localized.en).toMatch(/full/);
  });
});
