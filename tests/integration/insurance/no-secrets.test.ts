import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import { SIM_GATEWAY_PASSWORD } from '../../../src/sim/insurance/sim-credentials';
import type { SimGatewayTestMode } from '../../../src/sim/insurance/sim-gateway';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';
import { rig } from './helpers';

const md5 = createHash('md5').update(SIM_GATEWAY_PASSWORD).digest('hex');

describe('credentials and personal data never reach a log line or an error', () => {
  it('across answers, failures, re-logins and an open circuit', async () => {
    const r = await rig({ circuitFailureThreshold: 50, requestTimeoutMs: 500 }, { slowMs: 1000 });
    const errors: string[] = [];
    const people = SIM_IDENTITIES.slice(0, 8);
    const ask = async (i: number): Promise<void> => {
      const p = people[i % people.length]!.card;
      try {
        await r.service.lookup({
          idNumber: p.idNumber,
          fullName: p.fullName,
          dateOfBirth: p.dateOfBirth!,
        });
      } catch (err) {
        expect(err).toBeInstanceOf(KioskError);
        const e = err as KioskError;
        errors.push(e.message, e.detail ?? '', JSON.stringify(e.toShape()), String(e.stack));
      }
    };
    const modes: SimGatewayTestMode[] = [
      'normal',
      'malformed',
      'html',
      'truncated',
      'drop',
      'error-5xx',
      'slow',
      'unauthorized-check',
      'unauthorized',
      'wrong-types',
      'missing-fields',
      'normal',
    ];
    let i = 0;
    for (const mode of modes) {
      r.sim.setMode(mode);
      await ask(i++);
      await ask(i++);
    }
    r.sim.expireTokens();
    await ask(i++);
    await r.close();

    const tokens = r.sim.issuedTokens();
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const secrets = [SIM_GATEWAY_PASSWORD, md5, md5.toUpperCase(), ...tokens];
    const personal = people.flatMap((p) => [
      p.card.idNumber,
      p.card.fullName,
      p.card.dateOfBirth!,
      p.card.dateOfBirth!.split('-').reverse().join('/'),
      p.insurance.cardNumber ?? p.card.idNumber,
    ]);
    const text = [...r.lines, ...errors].join('\n');
    expect(r.lines.length).toBeGreaterThan(10);
    expect(errors.length).toBeGreaterThan(10);
    for (const s of [...secrets, ...personal]) expect(text).not.toContain(s);
    expect(text).not.toMatch(/token=|password=|id_token=/);
  });
});
