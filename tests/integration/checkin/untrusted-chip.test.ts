/**
 * Issue 20, item 1: chip data is acted on only once it is trusted. The simulator's catalog chips
 * that fail their checks (card 6: a tampered SOD, passive authentication invalid; card 20: a
 * cloned chip, chip authentication fails) are read through the real ICAO protocol; the lookup
 * goes to the simulated national service over real HTTP, whose request counts show whether
 * anything was asked. Nothing may be cached, looked up, searched in the HIS, handed to the HIS
 * outbox or shown on a kiosk before the verdict says so; a desk that accepts the card records
 * who did, and only then does the check-in go on.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckinState } from '../../../src/shared/domain';
import { parseConfig } from '../../../src/main/config/load-config';
import type { KioskConfig } from '../../../src/main/config/schema';
import { createCardReaderService } from '../../../src/main/card/reader-service';
import { createCheckinServices } from '../../../src/main/checkin/create-checkin-services';
import { createHisWorker } from '../../../src/main/his/his-outbox-worker';
import type { HisClient } from '../../../src/main/his/his-client';
import { createInsuranceService } from '../../../src/main/insurance';
import { startSimulatedGateway } from '../../../src/sim/insurance/sim-gateway';
import { nullLogger } from '../../../src/main/logging/logger';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { SimulatedReader } from '../../../src/sim/card/simulated-reader';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import { tempDir } from '../../unit/checkin/fakes';

const TAMPERED_SOD = 6;
const CLONED_CHIP = 20;
/** Inside every "valid" window of the catalog. */
const NOW = new Date('2026-11-23T03:00:00Z');

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function station(mode: 'kiosk' | 'desk') {
  const config: KioskConfig = parseConfig(
    { station: { mode }, insurance: { checkinBudgetMs: 5000 } },
    'test-config.json',
  );
  const gateway = await startSimulatedGateway({ now: () => NOW });
  closers.push(() => gateway.close());
  const insurance = createInsuranceService({
    config,
    logger: nullLogger,
    baseUrl: gateway.url,
    credentials: { username: gateway.username, password: gateway.password },
    now: () => NOW,
  });
  closers.push(() => insurance.close());
  const simulated = new SimulatedReader({ logger: nullLogger });
  const cards = createCardReaderService({ config: config.reader, logger: nullLogger, simulated });
  closers.push(() => cards.close());
  const store = openSqliteStore({ file: path.join(tempDir('kiosk-trust-'), 'kiosk.sqlite') });
  closers.push(() => store.close());
  const bookingSearches: string[] = [];
  const services = createCheckinServices({
    config,
    logger: nullLogger,
    store,
    cards,
    insurance,
    printer: {
      print: async (v) => ({ visitId: v.id, status: 'printed', error: null }),
      close: async () => {},
    },
    now: () => NOW,
    readerName: simulated.readerName,
    background: false,
    findBooking: async (idNumber) => {
      bookingSearches.push(idNumber);
      return null;
    },
  });
  closers.push(() => services.close());
  const states: CheckinState[] = [];
  services.checkin.onState((s) => states.push(s));
  // The HIS hand-off's own sweep: every visit it finds becomes an outbox item.
  const his = createHisWorker({
    store,
    client: {} as HisClient, // a sweep sends nothing
    config,
    logger: nullLogger,
    now: () => NOW,
  });
  const checkIn = async (index: number) => {
    simulated.insert(index);
    await waitForStep(services.checkin, 'need-key');
    await services.checkin.provideKey({ kind: 'qr', text: simQrText(simIdentity(index)) });
    return services.checkin.current();
  };
  return { config, gateway, store, services, states, bookingSearches, his, checkIn };
}

async function waitForStep(
  checkin: { current(): CheckinState },
  step: CheckinState['step'],
): Promise<void> {
  for (let i = 0; i < 400 && checkin.current().step !== step; i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(checkin.current().step).toBe(step);
}

describe('a chip that fails its checks is not acted on', () => {
  for (const [index, code, label] of [
    [TAMPERED_SOD, 'CHECKIN_CARD_NOT_GENUINE', 'passive authentication invalid'],
    [CLONED_CHIP, 'CHECKIN_CARD_NOT_GENUINE', 'chip authentication failed'],
  ] as const) {
    it(`kiosk, card ${index} (${label}): no lookup, no cache, no HIS, only "see the desk"`, async () => {
      const k = await station('kiosk');
      const card = simIdentity(index).card;
      const state = await k.checkIn(index);

      expect(state).toEqual({
        step: 'see-desk',
        problem: expect.objectContaining({ code }),
        patient: null,
      });
      expect(k.gateway.stats().checkRequests).toBe(0);
      expect(k.gateway.stats().tokenRequests).toBe(0);
      expect(k.bookingSearches).toEqual([]);
      expect(await k.store.getIdentity(card.idNumber)).toBeNull();
      expect(await k.store.getLookup(card.idNumber)).toBeNull();
      expect(
        await k.store.listVisits({ date: hospitalDay(NOW, k.config.hospital.timeZone) }),
      ).toEqual([]);
      expect(await k.his.sweep()).toBe(0);
      expect(await k.store.hisOutbox.counts()).toMatchObject({ waiting: 0, sent: 0 });
      // Nothing the kiosk was told carries the person: no name, ID number or insurance verdict.
      const told = JSON.stringify(k.states);
      expect(told).not.toContain(card.idNumber);
      expect(told).not.toContain(card.fullName);
      expect(told).not.toContain('"insurance"');
      expect(k.states.map((s) => s.step)).not.toContain('looking-up');
    });
  }

  it('desk: staff see the card, accept it; only then the lookup runs and the visit says who accepted', async () => {
    const d = await station('desk');
    const card = simIdentity(TAMPERED_SOD).card;
    const state = await d.checkIn(TAMPERED_SOD);
    if (state.step !== 'see-desk') throw new Error(`expected see-desk, got ${state.step}`);
    expect(state.patient?.fullName).toBe(card.fullName); // staff compare card and person
    expect(d.gateway.stats().checkRequests).toBe(0);
    expect(await d.store.getIdentity(card.idNumber)).toBeNull();
    expect(d.bookingSearches).toEqual([]);

    await d.services.checkin.acceptChip({ name: 'Trần Thị Quầy', idNumber: '001190000002' });
    const choice = d.services.checkin.current();
    if (choice.step !== 'choose-department') throw new Error(`got ${choice.step}`);
    expect(choice.needsStaff).toBeNull();
    expect(d.gateway.stats().checkRequests).toBeGreaterThan(0);
    expect(d.bookingSearches).toEqual([card.idNumber]);
    expect((await d.store.getIdentity(card.idNumber))?.identity.fullName).toBe(card.fullName);

    const visit = await d.services.checkin.choose('KHAM', 'normal');
    expect(visit.chipVerification).toEqual({
      passiveAuthentication: 'invalid',
      chipAuthentication: expect.any(String),
      chipAuthMethod: expect.toSatisfy((m) => m === null || m === 'CA' || m === 'AA'),
      acceptedByStaff: true,
      acceptedBy: { name: 'Trần Thị Quầy', idNumber: '001190000002' },
      acceptedAt: NOW.toISOString(),
    });
    expect((await d.store.getVisit(visit.id))?.chipVerification?.acceptedBy).toEqual({
      name: 'Trần Thị Quầy',
      idNumber: '001190000002',
    });
    expect(await d.his.sweep()).toBe(1);
  });

  it('desk acceptance without a named officer records the configured checking officer', async () => {
    const d = await station('desk');
    await d.checkIn(CLONED_CHIP);
    await d.services.checkin.acceptChip();
    await waitForStep(d.services.checkin, 'choose-department');
    await d.services.checkin.override('self-pay');
    const visit = await d.services.checkin.choose('KHAM', 'normal');
    expect(visit.chipVerification).toMatchObject({
      chipAuthentication: 'failed',
      acceptedByStaff: true,
      acceptedBy: d.config.insurance.officer,
    });
  });

  it('accepting is refused when no chip waits for it', async () => {
    const d = await station('desk');
    await expect(d.services.checkin.acceptChip()).rejects.toMatchObject({
      code: 'CHECKIN_WRONG_STEP',
    });
  });
});
