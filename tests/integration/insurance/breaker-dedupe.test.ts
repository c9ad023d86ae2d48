import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import type { GatewayStatus } from '../../../src/shared/domain';
import { createInsuranceService } from '../../../src/main/insurance';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { AN, rig, testConfig, type Rig } from './helpers';

const code = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof KioskError ? e.code : 'not a KioskError'),
  );

describe('circuit breaker', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  it('opens after N consecutive failures, fails fast without calling, probes after the reset time', async () => {
    r = await rig({ circuitFailureThreshold: 3, circuitResetMs: 5000, retryCount: 0 });
    const seen: GatewayStatus[] = [];
    r.service.onStatus((s) => seen.push(s));
    await r.service.lookup(AN);
    r.sim.setMode('error-5xx');
    r.sim.setErrorStatus(500);
    for (let i = 0; i < 3; i++)
      expect(await code(r.service.lookup(AN))).toBe('INSURANCE_UNAVAILABLE');
    expect(r.service.status()).toMatchObject({ state: 'offline', circuit: 'open' });

    r.sim.resetStats();
    const fast = await r.service.lookup(AN).catch((e: unknown) => e as KioskError);
    expect((fast as KioskError).code).toBe('INSURANCE_CIRCUIT_OPEN');
    expect((fast as KioskError).retryable).toBe(true);
    expect(r.sim.stats().checkRequests).toBe(0);

    // After the reset time one probe goes out; it fails → open again.
    r.clock.t += 5000;
    expect(r.service.status().circuit).toBe('half-open');
    expect(await code(r.service.lookup(AN))).toBe('INSURANCE_UNAVAILABLE');
    expect(r.sim.stats().checkRequests).toBe(1);
    expect(r.service.status().circuit).toBe('open');
    expect(await code(r.service.lookup(AN))).toBe('INSURANCE_CIRCUIT_OPEN');

    // Service back; the next probe succeeds → closed, online.
    r.sim.setMode('normal');
    r.clock.t += 5000;
    expect((await r.service.lookup(AN)).code).toBe('000');
    expect(r.service.status()).toMatchObject({
      state: 'online',
      circuit: 'closed',
      lastFailure: null,
    });

    const states = seen.map((s) => `${s.state}/${s.circuit}`);
    expect(states).toContain('degraded/closed');
    expect(states).toContain('offline/open');
    expect(states).toContain('offline/half-open');
    expect(states.at(-1)).toBe('online/closed');
  });

  it('while the probe is out, other lookups fail fast instead of piling on', async () => {
    r = await rig({
      circuitFailureThreshold: 1,
      circuitResetMs: 1000,
      retryCount: 0,
      requestTimeoutMs: 3000,
    });
    r.sim.setMode('error-5xx');
    r.sim.setErrorStatus(500);
    expect(await code(r.service.lookup(AN))).toBe('INSURANCE_UNAVAILABLE');
    r.sim.setMode('slow');
    r.sim.setSlowMs(300);
    r.clock.t += 1000;
    const probe = r.service.lookup(AN);
    const other = await code(
      r.service.lookup({
        idNumber: '079192004567',
        fullName: SIM_IDENTITIES[1]!.card.fullName,
        dateOfBirth: '1992-11-05',
      }),
    );
    expect(other).toBe('INSURANCE_CIRCUIT_OPEN');
    expect((await probe).code).toBe('000');
    expect(r.service.status().circuit).toBe('closed');
  });

  it('answers that say "retry later" count towards opening the circuit', async () => {
    r = await rig({ circuitFailureThreshold: 2 });
    r.sim.setMode('busy');
    expect((await r.service.lookup(AN)).outcome).toBe('retry-later');
    expect((await r.service.lookup(AN)).outcome).toBe('retry-later');
    expect(await code(r.service.lookup(AN))).toBe('INSURANCE_CIRCUIT_OPEN');
  });
});

describe('one lookup in flight per person', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  it('concurrent identical lookups share one request and one answer', async () => {
    r = await rig();
    await r.service.lookup(AN); // token in the cache
    r.sim.resetStats();
    r.sim.setSlowMs(100);
    r.sim.setMode('slow');
    const all = await Promise.all(Array.from({ length: 6 }, () => r.service.lookup(AN)));
    expect(r.sim.stats().checkRequests).toBe(1);
    expect(new Set(all.map((a) => a.checkedAt)).size).toBe(1);
    expect(all.every((a) => a.code === '000')).toBe(true);
  });

  it('a different question about the same person waits for the one in flight; other people do not', async () => {
    r = await rig();
    await r.service.lookup(AN);
    r.sim.setSlowMs(100);
    r.sim.setMode('slow');
    const order: string[] = [];
    const first = r.service.lookup(AN).then((a) => order.push(`first ${a.code}`));
    const corrected = r.service
      .lookup({ ...AN, fullName: 'Nguyen Van Anh' })
      .then((a) => order.push(`corrected ${a.code}`));
    const p = SIM_IDENTITIES[3]!.card;
    const other = r.service
      .lookup({ idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth! })
      .then((a) => order.push(`other ${a.code}`));
    await Promise.all([first, corrected, other]);
    expect(order.indexOf('first 000')).toBeLessThan(order.indexOf('corrected 060'));
    expect(order.indexOf('other 000')).toBeLessThan(order.indexOf('corrected 060'));
  });

  it("a caller's abort signal rejects that caller with INSURANCE_CANCELLED; others still get the answer", async () => {
    r = await rig();
    await r.service.lookup(AN);
    r.sim.setSlowMs(150);
    r.sim.setMode('slow');
    const ac = new AbortController();
    const a = code(r.service.lookup(AN, { signal: ac.signal }));
    const b = r.service.lookup(AN);
    ac.abort();
    expect(await a).toBe('INSURANCE_CANCELLED');
    expect((await b).code).toBe('000');
  });
});

describe('configuration', () => {
  it('insurance.enabled false: status disabled and lookups rejected with INSURANCE_DISABLED', async () => {
    const { logger } = createMemoryLogger();
    const service = createInsuranceService({ config: testConfig({ enabled: false }), logger });
    expect(service.status().state).toBe('disabled');
    expect(await code(service.lookup(AN))).toBe('INSURANCE_DISABLED');
    await service.close();
  });

  it('no gateway URL: offline with INSURANCE_CONFIG, lookups rejected with it', async () => {
    const { logger } = createMemoryLogger();
    const service = createInsuranceService({ config: testConfig(), logger });
    expect(service.status()).toMatchObject({
      state: 'offline',
      lastFailure: { code: 'INSURANCE_CONFIG' },
    });
    expect(await code(service.lookup(AN))).toBe('INSURANCE_CONFIG');
    await service.close();
  });

  it('a gateway address that is not http(s) is INSURANCE_CONFIG, not a request attempt', async () => {
    const { logger } = createMemoryLogger();
    const service = createInsuranceService({
      config: testConfig(),
      logger,
      baseUrl: 'ftp://127.0.0.1:21/',
      credentials: { username: 'u', password: 'p' },
    });
    expect(service.status()).toMatchObject({
      state: 'offline',
      lastFailure: { code: 'INSURANCE_CONFIG', detail: 'baseUrl is not http(s)' },
    });
    expect(await code(service.lookup(AN))).toBe('INSURANCE_CONFIG');
    await service.close();
  });

  it('bad queries are refused before any request with INSURANCE_INVALID_QUERY', async () => {
    const r = await rig();
    for (const q of [
      { idNumber: '12345', fullName: 'A B', dateOfBirth: '1990' },
      { cardNumber: 'XX9', fullName: 'A B', dateOfBirth: '1990' },
      {
        idNumber: '001085012345',
        cardNumber: 'DN4010123456781',
        fullName: 'A B',
        dateOfBirth: '1990',
      },
      { idNumber: '001085012345', fullName: ' ', dateOfBirth: '1990' },
      { idNumber: '001085012345', fullName: 'A B', dateOfBirth: '1990-02-30' },
    ]) {
      expect(await code(r.service.lookup(q))).toBe('INSURANCE_INVALID_QUERY');
    }
    expect(r.sim.stats().checkRequests).toBe(0);
    await r.close();
  });
});
