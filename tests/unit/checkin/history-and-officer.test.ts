/**
 * The treatment history beside the check-in (never delaying nor failing it; a person still under
 * treatment elsewhere goes to the desk, not through the kiosk), the officer the desk's lookups
 * carry, and 054/055 told to staff as the officer's problem, never the card's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TreatmentHistory } from '../../../src/shared/domain';
import { insuranceResult, keyFor } from './fakes';
import { createHarness, expectStep, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.shutdown();
});

const OPEN_STAY: TreatmentHistory = {
  status: 'answered',
  code: '000',
  checkedAt: '2026-11-23T03:00:00.000Z',
  items: [
    {
      recordId: '9',
      facilityCode: '79024',
      admittedAt: '2026-11-22T01:15:00.000Z',
      dischargedAt: null,
      diagnosis: 'Viêm ruột thừa cấp',
      status: null,
      result: null,
      reason: 'emergency',
    },
  ],
};

/** The history has answered and the machine has had its turn to apply it. */
async function untilHistory(harness: Harness): Promise<void> {
  expectStep(harness.checkin.current(), 'choose-department');
  await harness.insurance.lastHistory;
  await new Promise((r) => setImmediate(r));
}

async function toChoice(harness: Harness, index = 1) {
  harness.cards.insert(index);
  await harness.checkin.provideKey(keyFor(index));
  return expectStep(harness.checkin.current(), 'choose-department');
}

describe('treatment history at check-in', () => {
  it('kiosk: an open stay elsewhere sends the person to the desk; the kiosk never sees diagnoses', async () => {
    h = createHarness();
    h.insurance.historyAnswer = () => Promise.resolve(OPEN_STAY);
    await toChoice(h);
    await untilHistory(h);
    const choice = expectStep(h.checkin.current(), 'choose-department');
    expect(choice.needsStaff?.code).toBe('CHECKIN_UNDER_TREATMENT_ELSEWHERE');
    expect(choice.needsStaff?.message.en).toMatch(/reception desk/);
    expect(choice).not.toHaveProperty('history');
    expect(choice).not.toHaveProperty('openStayElsewhere');
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_NEEDS_STAFF',
    });
  });

  it('desk: the same history is a warning with the visits; staff check the person in', async () => {
    h = createHarness({ config: (c) => (c.station.mode = 'desk') });
    h.insurance.historyAnswer = () => Promise.resolve(OPEN_STAY);
    await toChoice(h);
    await untilHistory(h);
    const choice = expectStep(h.checkin.current(), 'choose-department');
    expect(choice.needsStaff).toBeNull();
    expect(choice.openStayElsewhere).toMatchObject({ facilityCode: '79024', dischargedAt: null });
    expect(choice.history?.items).toHaveLength(1);
    expect((await h.checkin.choose('KHAM', 'normal')).queueNumber).toMatch(/KHAM/);
  });

  it('a discharged stay elsewhere, or one at this hospital, is no reason to stop', async () => {
    h = createHarness();
    const item = OPEN_STAY.items[0]!;
    h.insurance.historyAnswer = () =>
      Promise.resolve({
        ...OPEN_STAY,
        items: [
          { ...item, dischargedAt: '2026-11-22T09:00:00.000Z', status: 'discharged' },
          { ...item, facilityCode: '01001' },
        ],
      });
    await toChoice(h);
    await untilHistory(h);
    expect(expectStep(h.checkin.current(), 'choose-department').needsStaff).toBeNull();
  });

  it('a history that never answers neither delays nor fails the check-in', async () => {
    h = createHarness();
    h.insurance.historyAnswer = () => new Promise<TreatmentHistory>(() => {});
    const choice = await toChoice(h);
    expect(choice.needsStaff).toBeNull();
    expect((await h.checkin.choose('KHAM', 'normal')).printStatus).toBe('printed');
  });
});

describe('the officer who asks', () => {
  it("the desk's lookups and history carry the signed-in officer", async () => {
    const officer = { name: 'Trần Thị Lễ Tân', idNumber: '001190000123' };
    h = createHarness({ config: (c) => (c.station.mode = 'desk'), officer: () => officer });
    await toChoice(h);
    expect(h.insurance.officers).toEqual([officer, officer]);
  });

  it('a kiosk carries none of its own: the configured officer applies', async () => {
    h = createHarness();
    await toChoice(h);
    expect(h.insurance.officers).toEqual([undefined, undefined]);
  });

  for (const [code, expected] of [
    ['054', 'CHECKIN_OFFICER_NOT_REGISTERED'],
    ['055', 'CHECKIN_OFFICER_NAME_MISMATCH'],
  ] as const) {
    it(`${code} tells staff it is the officer, never the card`, async () => {
      h = createHarness({ config: (c) => (c.station.mode = 'desk') });
      h.insurance.mode = {
        kind: 'answer',
        result: () => ({ ...insuranceResult('configuration-error', false, code), card: null }),
      };
      const choice = await toChoice(h);
      expect(choice.needsStaff?.code).toBe(expected);
      expect(choice.needsStaff?.message.en).toMatch(/officer/);
      expect(choice.needsStaff?.message.en).toMatch(/not a card problem/);
    });
  }
});
