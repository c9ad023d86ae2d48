import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import type { SimGatewayTestMode } from '../../../src/sim/insurance/sim-gateway';
import { createInsuranceService } from '../../../src/main/insurance';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { AN, rig, testConfig, type Rig } from './helpers';

async function failure(p: Promise<unknown>): Promise<KioskError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    return err as KioskError;
  }
  throw new Error('expected the lookup to fail');
}

describe('bad answers from the gateway each give a typed error, never a result', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  const cases: Array<[SimGatewayTestMode, string, RegExp]> = [
    ['malformed', 'INSURANCE_BAD_ANSWER', /malformed JSON/],
    ['truncated', 'INSURANCE_BAD_ANSWER', /malformed JSON/],
    ['html', 'INSURANCE_BAD_ANSWER', /HTML page/],
    ['empty', 'INSURANCE_BAD_ANSWER', /empty answer/],
    ['missing-fields', 'INSURANCE_BAD_ANSWER', /maKetQua/],
    ['valid-without-card', 'INSURANCE_BAD_ANSWER', /000 without maThe/],
    ['wrong-types', 'INSURANCE_BAD_ANSWER', /gtTheDen/],
    ['drop', 'INSURANCE_UNAVAILABLE', /dropped mid-answer/],
    ['error-5xx', 'INSURANCE_UNAVAILABLE', /HTTP 503/],
    ['down', 'INSURANCE_UNAVAILABLE', /connection failed/],
    ['unauthorized', 'INSURANCE_AUTH', /HTTP 401/],
  ];
  for (const [mode, code, detail] of cases) {
    it(`${mode} → ${code}`, async () => {
      r = await rig();
      await r.service.lookup(AN); // a token is cached: the bad answer hits the card check
      r.sim.setMode(mode);
      const err = await failure(r.service.lookup(AN));
      expect(err.code).toBe(code);
      expect(err.detail).toMatch(detail);
      expect(err.localized.vi).not.toBe('');
      expect(r.service.status().lastFailure?.code).toBe(code);
      expect(r.service.status().state).toBe('degraded');
    });
  }

  it('unexpected extra fields are tolerated', async () => {
    r = await rig();
    r.sim.setMode('extra-fields');
    const res = await r.service.lookup(AN);
    expect(res.code).toBe('000');
    expect(res.mayUseInsurance).toBe(true);
    expect(Object.keys(res)).not.toContain('phienBan');
  });

  it('a 101 "server error" inside a 200 is an answer: retry-later, not usable, status degraded', async () => {
    r = await rig();
    r.sim.setMode('busy');
    const res = await r.service.lookup(AN);
    expect(res).toMatchObject({ code: '101', outcome: 'retry-later', mayUseInsurance: false });
    expect(r.service.status().state).toBe('degraded');
  });

  it('a slow answer ends in INSURANCE_TIMEOUT and is not retried', async () => {
    r = await rig({ requestTimeoutMs: 500 });
    await r.service.lookup(AN);
    r.sim.setSlowMs(3000);
    r.sim.setMode('slow');
    r.sim.resetStats();
    const err = await failure(r.service.lookup(AN));
    expect(err.code).toBe('INSURANCE_TIMEOUT');
    expect(err.retryable).toBe(true);
    expect(r.sim.stats().checkRequests).toBe(1);
    r.sim.setMode('normal');
  });

  it('502/503/504 are retried with back-off (1 + retryCount requests), then INSURANCE_UNAVAILABLE', async () => {
    r = await rig({ retryCount: 2 });
    await r.service.lookup(AN);
    r.sim.setMode('error-5xx');
    r.sim.setErrorStatus(502);
    r.sim.resetStats();
    const err = await failure(r.service.lookup(AN));
    expect(err.code).toBe('INSURANCE_UNAVAILABLE');
    expect(r.sim.stats().checkRequests).toBe(3);
    expect(r.lines.filter((l) => l.includes('insurance lookup failed'))).toHaveLength(1);
  });

  it('a 500 is not retried; recovery after the service is back', async () => {
    r = await rig({ retryCount: 2 });
    await r.service.lookup(AN);
    r.sim.setMode('error-5xx');
    r.sim.setErrorStatus(500);
    r.sim.resetStats();
    const err = await failure(r.service.lookup(AN));
    expect(err.detail).toMatch(/HTTP 500/);
    expect(r.sim.stats().checkRequests).toBe(1);
    r.sim.setMode('normal');
    const ok = await r.service.lookup(AN);
    expect(ok.code).toBe('000');
    expect(r.service.status().state).toBe('online');
    expect(r.service.status().lastFailure).toBeNull();
  });

  it('a refused connection (nothing listening) is INSURANCE_UNAVAILABLE after the retries', async () => {
    const { logger } = createMemoryLogger();
    // Reserve a port, then free it: connecting to it is refused.
    const tmp = http.createServer();
    await new Promise<void>((res) => tmp.listen(0, '127.0.0.1', () => res()));
    const port = (tmp.address() as AddressInfo).port;
    await new Promise<void>((res) => tmp.close(() => res()));
    const service = createInsuranceService({
      config: testConfig(),
      logger,
      baseUrl: `http://127.0.0.1:${port}`,
      credentials: { username: 'u', password: 'p' },
    });
    const err = await failure(service.lookup(AN));
    expect(err.code).toBe('INSURANCE_UNAVAILABLE');
    expect(err.detail).toMatch(/ECONNREFUSED/);
    await service.close();
  });

  it('a stub answering 200 with an IIS page on the token call gives INSURANCE_BAD_ANSWER', async () => {
    const { logger } = createMemoryLogger();
    let hits = 0;
    const stub = http.createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Service Unavailable</body></html>');
    });
    await new Promise<void>((res) => stub.listen(0, '127.0.0.1', () => res()));
    const service = createInsuranceService({
      config: testConfig(),
      logger,
      baseUrl: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`,
      credentials: { username: 'u', password: 'p' },
    });
    const err = await failure(service.lookup(AN));
    expect(err.code).toBe('INSURANCE_BAD_ANSWER');
    expect(err.detail).toMatch(/token: an HTML page/);
    expect(hits).toBe(1);
    await service.close();
    await new Promise<void>((res) => stub.close(() => res()));
  });
});
