import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import { createInsuranceService } from '../../../src/main/insurance';
import { openInsurance } from '../../../src/main/open-insurance';
import {
  SIM_GATEWAY_PASSWORD,
  SIM_GATEWAY_USERNAME,
} from '../../../src/sim/insurance/sim-credentials';
import { AN, rig, testConfig, type Rig } from './helpers';

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

describe('token: cached, renewed before expiry, one re-login on 401', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  it('one login serves many lookups until shortly before the announced expiry', async () => {
    r = await rig({ tokenMarginSeconds: 120 }, { tokenTtlMs: 30 * 60_000 });
    for (let i = 0; i < 5; i++) await r.service.lookup(AN);
    expect(r.sim.stats()).toMatchObject({ tokenRequests: 1, checkRequests: 5 });
    r.clock.t += 27 * 60_000; // 3 min before expiry: still outside the 2-min margin
    await r.service.lookup(AN);
    expect(r.sim.stats().tokenRequests).toBe(1);
    r.clock.t += 60_000 + 1; // inside the margin: renew before the service refuses it
    await r.service.lookup(AN);
    expect(r.sim.stats()).toMatchObject({ tokenRequests: 2, checkRequests: 7 });
  });

  for (const format of ['seconds', 'none'] as const) {
    it(`expires_in given as ${format} is understood (none → 60 min)`, async () => {
      r = await rig({ tokenMarginSeconds: 0 }, { expiresIn: format, tokenTtlMs: 90 * 60_000 });
      await r.service.lookup(AN);
      r.clock.t += 59 * 60_000;
      await r.service.lookup(AN);
      expect(r.sim.stats().tokenRequests).toBe(1);
      r.clock.t += 2 * 60_000; // 61 min
      await r.service.lookup(AN);
      expect(r.sim.stats().tokenRequests).toBe(format === 'none' ? 2 : 1);
    });
  }

  it('a token the service no longer accepts → logs in again once and the lookup succeeds', async () => {
    r = await rig();
    await r.service.lookup(AN);
    r.sim.expireTokens();
    const res = await r.service.lookup(AN);
    expect(res.code).toBe('000');
    expect(r.sim.stats()).toMatchObject({ tokenRequests: 2, checkRequests: 3 });
  });

  it('401 again after the fresh login → INSURANCE_AUTH with the IP hint, no third try', async () => {
    r = await rig();
    r.sim.setMode('unauthorized-check');
    const err = (await r.service.lookup(AN).catch((e: unknown) => e)) as KioskError;
    expect(err).toBeInstanceOf(KioskError);
    expect(err.code).toBe('INSURANCE_AUTH');
    expect(err.localized.en).toMatch(/IP address is registered with BHXH/);
    expect(err.localized.vi).toMatch(/IP/);
    expect(r.sim.stats()).toMatchObject({ tokenRequests: 2, checkRequests: 2 });
  });

  it('a wrong password → INSURANCE_AUTH (login refused), no retry loop', async () => {
    r = await rig();
    const service = createInsuranceService({
      config: testConfig(),
      logger: r.logger,
      baseUrl: r.sim.url,
      credentials: { username: SIM_GATEWAY_USERNAME, password: 'not-the-password' },
    });
    const err = (await service.lookup(AN).catch((e: unknown) => e)) as KioskError;
    expect(err.code).toBe('INSURANCE_AUTH');
    expect(err.detail).toMatch(/login refused \(maKetQua 401\)/);
    expect(r.sim.stats().tokenRequests).toBe(1);
    await service.close();
  });

  const variants: Array<[string, Record<string, unknown>]> = [
    ['MD5 in lower case', { passwordCase: 'lower', password: SIM_GATEWAY_PASSWORD }],
    ['a JSON token body', { tokenBody: 'json', password: SIM_GATEWAY_PASSWORD }],
    ['passwordMd5 instead of the password', { passwordMd5: md5(SIM_GATEWAY_PASSWORD) }],
  ];
  for (const [what, insurance] of variants) {
    it(`logs in with ${what} from the configuration`, async () => {
      r = await rig();
      const service = createInsuranceService({
        config: testConfig({
          service: 'bhxh',
          baseUrl: r.sim.url,
          username: SIM_GATEWAY_USERNAME,
          ...insurance,
        }),
        logger: r.logger,
      });
      expect((await service.lookup(AN)).code).toBe('000');
      await service.close();
    });
  }

  it('the simulated service falls back to the simulator account when none is configured', async () => {
    r = await rig();
    // The CLI's --gateway at a running simulator, no account given: openInsurance (the wiring
    // that loads simulator code) supplies the simulator's published account.
    const opened = await openInsurance({
      config: testConfig(),
      logger: r.logger,
      gateway: { url: r.sim.url },
    });
    expect((await opened.insurance.lookup(AN)).code).toBe('000');
    await opened.close();
  });

  it('without the wiring, a simulated service with no account is a configuration problem', async () => {
    r = await rig();
    const service = createInsuranceService({
      config: testConfig(),
      logger: r.logger,
      baseUrl: r.sim.url,
    });
    expect(service.status().lastFailure).toMatchObject({ code: 'INSURANCE_CONFIG' });
    await service.close();
  });
});
