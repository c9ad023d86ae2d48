import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayBefore } from '../../../src/shared/hospital-day';
import { AN, rig, type Rig } from './helpers';

// The re-check worker repeats a visit of an earlier day: the answer must be judged for that day.
describe('a lookup judged for a given day', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig();
  });
  afterAll(async () => r.close());

  it('the card is valid for a day inside its window and not for a day after it', async () => {
    const today = await r.service.lookup(AN);
    expect(today.mayUseInsurance).toBe(true);
    const validTo = today.card!.validTo!;
    const after = dayBefore(validTo, -1);

    // Asked together: one question per day, not one shared answer.
    const [inside, outside] = await Promise.all([
      r.service.lookup(AN, { day: validTo }),
      r.service.lookup(AN, { day: after }),
    ]);
    expect(inside).toMatchObject({ outcome: 'insured', mayUseInsurance: true });
    expect(outside).toMatchObject({ outcome: 'not-insured', mayUseInsurance: false });
    expect(outside.message.en).toMatch(/not valid today/);
  });
});
