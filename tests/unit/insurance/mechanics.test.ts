import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/main/insurance/circuit-breaker';
import { dobToWire, wireDateToIso, wireStampToIso } from '../../../src/main/insurance/dates';
import { parseTokenExpiry } from '../../../src/main/insurance/gateway-client';
import { nameKey } from '../../../src/main/insurance/names';
import { backoffDelay } from '../../../src/main/insurance/retry';
import { rollWindow, simAnswer } from '../../../src/sim/insurance/sim-records';

describe('dates', () => {
  it('converts between ISO and the wire formats', () => {
    expect(dobToWire('1985-03-14')).toBe('14/03/1985');
    expect(dobToWire('1985')).toBe('1985');
    expect(dobToWire('2024-02-29')).toBe('29/02/2024');
    expect(dobToWire('2023-02-29')).toBeNull();
    expect(dobToWire('14/03/1985')).toBeNull();
    expect(wireDateToIso('1/2/2026', 'x')).toBe('2026-02-01');
    expect(wireDateToIso('', 'x')).toBeNull();
    expect(() => wireDateToIso('2026-02-01', 'x')).toThrow(/x/);
    expect(wireStampToIso('202503150810', 'x')).toBe('2025-03-15T08:10:00+07:00');
    expect(() => wireStampToIso('202513150810', 'x')).toThrow();
  });

  it('names compare without diacritics, spacing or case; tone placement does not matter', () => {
    expect(nameKey(' Nguyễn  Thị Thuỳ ')).toBe(nameKey('nguyen thi thùy'));
    expect(nameKey('Đặng')).toBe('DANG');
  });
});

describe('token expiry', () => {
  const t0 = Date.parse('2026-11-23T03:00:00Z');
  it('reads .NET ISO times (7 fractional digits, with or without Z) and seconds', () => {
    expect(parseTokenExpiry('2026-11-23T03:30:00.1234567Z', t0)).toBe(
      Date.parse('2026-11-23T03:30:00.123Z'),
    );
    expect(parseTokenExpiry('2026-11-23T03:30:00', t0)).toBe(Date.parse('2026-11-23T03:30:00Z'));
    expect(parseTokenExpiry('3600', t0)).toBe(t0 + 3_600_000);
    expect(parseTokenExpiry('soon', t0)).toBeNull();
    expect(parseTokenExpiry(null, t0)).toBeNull();
  });
});

describe('back-off', () => {
  it('grows exponentially, never below half the ceiling, capped', () => {
    const p = { retries: 3, baseMs: 400, maxDelayMs: 3000 };
    expect(backoffDelay(p, 0, () => 0)).toBe(200);
    expect(backoffDelay(p, 0, () => 1)).toBe(400);
    expect(backoffDelay(p, 2, () => 0)).toBe(800);
    expect(backoffDelay(p, 5, () => 1)).toBe(3000);
  });
});

describe('circuit breaker', () => {
  it('closed → open after the threshold → one probe after the reset → closed on success', () => {
    let t = 0;
    const b = new CircuitBreaker(2, 1000, () => t);
    const a1 = b.admit();
    expect(a1.ok).toBe(true);
    if (a1.ok) b.failure(a1.ticket);
    const a2 = b.admit();
    if (a2.ok) b.failure(a2.ticket);
    expect(b.state()).toBe('open');
    expect(b.admit()).toEqual({ ok: false, retryInMs: 1000 });
    t = 1000;
    const probe = b.admit();
    expect(probe).toEqual({ ok: true, ticket: { probe: true } });
    expect(b.admit().ok).toBe(false);
    if (probe.ok) b.failure(probe.ticket);
    expect(b.state()).toBe('open');
    t = 2000;
    const probe2 = b.admit();
    if (probe2.ok) b.success(probe2.ticket);
    expect(b.state()).toBe('closed');
    expect(b.consecutiveFailures()).toBe(0);
  });

  it('a cancelled probe lets the next lookup probe', () => {
    let t = 0;
    const b = new CircuitBreaker(1, 10, () => t);
    const a = b.admit();
    if (a.ok) b.failure(a.ticket);
    t = 10;
    const p = b.admit();
    if (p.ok) b.release(p.ticket);
    expect(b.admit()).toEqual({ ok: true, ticket: { probe: true } });
  });
});

describe('simulator records', () => {
  const body = {
    maThe: '001085012345',
    hoTen: 'Nguyễn Văn An',
    ngaySinh: '14/03/1985',
    hoTenCb: 'Cán Bộ',
    cccdCb: '001090000001',
  };
  it('checks parameters and the officer (205, 054, 055)', () => {
    expect(simAnswer({ ...body, ngaySinh: '1985-03-14' }, '2024', '2026-11-23').maKetQua).toBe(
      '205',
    );
    expect(simAnswer({ ...body, cccdCb: '12' }, '2024', '2026-11-23').maKetQua).toBe('054');
    expect(simAnswer({ ...body, hoTenCb: ' ' }, '2024', '2026-11-23').maKetQua).toBe('055');
    expect(simAnswer({ ...body, cccdCb: undefined }, '2018', '2026-11-23').maKetQua).toBe('000');
  });

  it('keeps valid windows valid and expired ones expired whatever the year', () => {
    const w = { from: '2026-01-01', to: '2026-12-31' };
    expect(rollWindow(w, '2029-05-05', false)).toEqual({ from: '2029-01-01', to: '2029-12-31' });
    expect(rollWindow(w, '2024-05-05', false)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(rollWindow(w, '2026-11-23', true)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    const a = simAnswer(body, '2024', '2031-03-01');
    expect(a).toMatchObject({ maKetQua: '000', gtTheTu: '01/01/2031', gtTheDen: '31/12/2031' });
  });
});
