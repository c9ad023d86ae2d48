import { afterEach, describe, expect, it } from 'vitest';
import { simIdentity } from '../../../src/sim/data/identities';
import { storeErrors } from '../../../src/main/store/store-errors';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { createCheckinServices } from '../../../src/main/checkin/create-checkin-services';
import { nullLogger } from '../../../src/main/logging/logger';
import { goneRun } from '../store/process-runs';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { FakeCards, FakeInsurance, FakePrinter, insuranceResult, keyFor, READER } from './fakes';
import { createHarness, expectStep, type Harness } from './harness';

const AN = simIdentity(1).card; // insured, standard card

let h: Harness;
afterEach(async () => {
  await h?.shutdown();
});

async function toChoice(harness: Harness, index = 1) {
  harness.cards.insert(index);
  expectStep(harness.checkin.current(), 'need-key');
  await harness.checkin.provideKey(keyFor(index));
  return expectStep(harness.checkin.current(), 'choose-department');
}

describe('check-in flow', () => {
  it('a patient who walks away during the department choice is forgotten after the idle timeout', async () => {
    h = createHarness({ idleTimeoutMs: 100 });
    await toChoice(h);
    await h.waitFor('idle', 2000);
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_WRONG_STEP',
    });
    expect(h.printer.printed).toHaveLength(0);
  });

  it('online: card, key, lookup, department, number, slip', async () => {
    h = createHarness();
    h.cards.insert(1);
    const needKey = expectStep(h.checkin.current(), 'need-key');
    expect(needKey.reader).toBe(READER);
    await h.checkin.provideKey(keyFor(1));
    const choice = expectStep(h.checkin.current(), 'choose-department');
    expect(choice.patient.fullName).toBe(AN.fullName);
    expect(choice.patient.photoDataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect(choice.insurance.source).toBe('online');
    expect(choice.needsStaff).toBeNull();
    expect(choice.existingVisits).toEqual([]);

    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.queueNumber).toBe('K01-KHAM-T-001');
    expect(visit.printStatus).toBe('printed');
    const done = expectStep(h.checkin.current(), 'done');
    expect(done.reprint).toBe(false);
    expect(done.printError).toBeNull();
    expect(h.printer.printed.map((v) => v.id)).toEqual([visit.id]);

    const steps = h.states.map((s) => s.step);
    expect(steps).toEqual(
      expect.arrayContaining([
        'need-key',
        'reading',
        'looking-up',
        'choose-department',
        'committing',
        'printing',
        'done',
      ]),
    );
    expect(steps.indexOf('reading')).toBeLessThan(steps.indexOf('looking-up'));
    expect(h.states.filter((s) => s.step === 'reading').length).toBeGreaterThan(1); // progress
    // A kiosk shows nothing of the chip before it is verified: no early greeting.
    expect(h.states.filter((s) => s.step === 'reading' && s.patient)).toEqual([]);

    // The chip's identity and the answer are cached; nothing is queued for an online answer.
    expect((await h.store.getIdentity(AN.idNumber))?.identity.fullName).toBe(AN.fullName);
    expect((await h.store.getLookup(AN.idNumber))?.result.outcome).toBe('insured');
    expect((await h.recheck.summary()).pending).toBe(0);
    expect((await h.visits.list({})).map((v) => v.id)).toEqual([visit.id]);
  });

  it('key first, then the card: need-card, then reads', async () => {
    h = createHarness();
    await h.checkin.provideKey(keyFor(1));
    expectStep(h.checkin.current(), 'need-card');
    h.cards.insert(1);
    await h.waitFor('choose-department');
  });

  it('a JPEG 2000 photo reaches the browser as JPEG (decoded in main; Chromium has no decoder)', async () => {
    h = createHarness();
    const choice = await toChoice(h, 7);
    expect(choice.patient.photoFormat).toBe('jpeg2000');
    expect(choice.patient.photoDataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  });

  it('offline with a fresh cached result: used, marked, queued for a re-check', async () => {
    h = createHarness();
    const fetchedAt = new Date(h.clock.now.getTime() - 2 * 3_600_000).toISOString();
    await h.store.saveLookup(
      AN.idNumber,
      insuranceResult('insured', true, '000', fetchedAt),
      fetchedAt,
    );
    h.insurance.mode = { kind: 'down' };
    const choice = await toChoice(h);
    expect(choice.insurance).toMatchObject({ source: 'cache', cachedAt: fetchedAt, stale: false });
    expect(choice.needsStaff).toBeNull();
    const visit = await h.checkin.choose('KHAM', 'elderly');
    expect(visit.queueNumber).toBe('K01-KHAM-C-001');
    expect(visit.insurance.source).toBe('cache');
    expect(visit.insurance.result?.history).toEqual([]); // health history is never stored
    expect((await h.recheck.summary()).pending).toBe(1);
  });

  it('offline with a stale cached result: staff must confirm before a number is given', async () => {
    h = createHarness();
    const maxAge = h.config.insurance.cacheMaxAgeHours;
    const fetchedAt = new Date(h.clock.now.getTime() - (maxAge + 1) * 3_600_000).toISOString();
    await h.store.saveLookup(AN.idNumber, insuranceResult(), fetchedAt);
    h.insurance.mode = { kind: 'down' };
    const choice = await toChoice(h);
    expect(choice.insurance).toMatchObject({ source: 'cache', stale: true });
    expect(choice.needsStaff?.code).toBe('CHECKIN_CACHE_STALE');
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_NEEDS_STAFF',
    });
    expect(await h.visits.list({})).toEqual([]);

    await h.checkin.override('use-cached', 'thẻ giấy còn hạn');
    const confirmed = expectStep(h.checkin.current(), 'choose-department');
    expect(confirmed.needsStaff).toBeNull();
    expect(confirmed.insurance).toMatchObject({
      source: 'cache',
      stale: true,
      note: 'thẻ giấy còn hạn',
    });
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.insurance.source).toBe('cache');
    expect((await h.recheck.summary()).pending).toBe(1);
  });

  it('budget exceeded: pending, then the re-check worker fills the answer in', async () => {
    h = createHarness();
    h.insurance.mode = { kind: 'hang' };
    const choice = await toChoice(h);
    expect(choice.insurance.source).toBe('pending');
    expect(choice.needsStaff).toBeNull();
    const visit = await h.checkin.choose('NHI', 'child');
    expect(visit.queueNumber).toBe('K01-NHI-E-001');
    expect((await h.recheck.summary()).pending).toBe(1);

    const changes: number[] = [];
    h.recheck.onChanged((s) => changes.push(s.pending));
    h.insurance.mode = { kind: 'answer', result: () => insuranceResult() };
    const pass = await h.worker.runOnce();
    expect(pass).toMatchObject({ applied: 1, discrepancies: 0 });
    const after = (await h.store.getVisit(visit.id))!;
    expect(after.insurance.source).toBe('online');
    expect(after.insurance.result?.outcome).toBe('insured');
    expect(after.flagged).toBe(false);
    expect((await h.recheck.summary()).pending).toBe(0);
    expect(changes.at(-1)).toBe(0);
    // The query repeated is the one the check-in made.
    // ... judged for the visit's day, not the day the re-check runs.
    expect(h.insurance.days.at(-1)).toBe(visit.date);
    expect(h.insurance.queries.at(-1)).toEqual({
      idNumber: AN.idNumber,
      fullName: AN.fullName,
      dateOfBirth: AN.dateOfBirth,
    });
  });

  it('a re-check that disagrees flags the visit for staff until resolved', async () => {
    h = createHarness();
    const fetchedAt = new Date(h.clock.now.getTime() - 3_600_000).toISOString();
    await h.store.saveLookup(AN.idNumber, insuranceResult('insured', true), fetchedAt);
    h.insurance.mode = { kind: 'down' };
    await toChoice(h);
    const visit = await h.checkin.choose('KHAM', 'normal');

    // Still down: the item is deferred, not lost.
    expect(await h.worker.runOnce({ all: true })).toMatchObject({ deferred: 1 });
    expect((await h.recheck.summary()).pending).toBe(1);

    h.insurance.mode = {
      kind: 'answer',
      result: () => insuranceResult('not-insured', false, '010'),
    };
    expect(await h.worker.runOnce({ all: true })).toMatchObject({ applied: 1, discrepancies: 1 });
    const summary = await h.recheck.summary();
    expect(summary.pending).toBe(0);
    expect(summary.flagged).toHaveLength(1);
    const d = summary.flagged[0]!;
    expect(d).toMatchObject({
      visitId: visit.id,
      queueNumber: visit.queueNumber,
      patientName: AN.fullName,
      usedAtCheckin: { code: '000', outcome: 'insured', source: 'cache' },
      recheck: { code: '010', outcome: 'not-insured' },
      resolved: false,
    });
    expect((await h.store.getVisit(visit.id))!.flagged).toBe(true);
    // The visit keeps the record of what was used at check-in.
    expect((await h.store.getVisit(visit.id))!.insurance.source).toBe('cache');

    await h.recheck.resolve(d.id);
    expect((await h.recheck.summary()).flagged).toEqual([]);
    expect((await h.store.getVisit(visit.id))!.flagged).toBe(false);
    await expect(h.recheck.resolve('no-such-id')).rejects.toThrow(
      expect.objectContaining({ code: 'CHECKIN_DISCREPANCY_NOT_FOUND' }),
    );
  });

  it('re-check work survives a restart of the app', async () => {
    h = createHarness();
    h.insurance.mode = { kind: 'down' };
    await toChoice(h);
    const visit = await h.checkin.choose('KHAM', 'normal');
    const file = h.store.location;
    await h.shutdown();

    const store = openSqliteStore({ file });
    const insurance = new FakeInsurance();
    const again = createCheckinServices({
      config: h.config,
      logger: nullLogger,
      store,
      cards: new FakeCards(),
      insurance,
      printer: new FakePrinter(),
      background: false,
    });
    try {
      expect((await again.recheck.summary()).pending).toBe(1);
      expect(await again.worker.runOnce()).toMatchObject({ applied: 1 });
      expect((await store.getVisit(visit.id))!.insurance.source).toBe('online');
    } finally {
      await again.close();
      await store.close();
    }
  });

  it('a slip left "printing" by a crash is failed at the next start, ready for a reprint', async () => {
    h = createHarness();
    await toChoice(h);
    const visit = await h.checkin.choose('KHAM', 'normal');
    // What a power cut between "printing" and the printer's answer leaves in the file: a print
    // owned by this station's run that is gone.
    const file = h.store.location;
    const crashed = openSqliteStore({ file, printRun: { station: 'local', run: await goneRun() } });
    await crashed.recordPrint(visit.id, 'printing', null, new Date().toISOString());
    await crashed.close();
    await h.shutdown();

    const store = openSqliteStore({ file });
    const printer = new FakePrinter();
    const again = createCheckinServices({
      config: h.config,
      logger: nullLogger,
      store,
      cards: new FakeCards(),
      insurance: new FakeInsurance(),
      printer,
      background: false,
    });
    try {
      const after = (await store.getVisit(visit.id))!;
      expect(after.printStatus).toBe('failed');
      expect(after.printError?.code).toBe('PRINT_INTERRUPTED');
      expect(after.queueNumber).toBe(visit.queueNumber);
      const reprint = await again.visits.reprint(visit.id);
      expect(reprint.status).toBe('printed');
      expect(printer.printed.map((v) => v.id)).toEqual([visit.id]);
    } finally {
      await again.close();
      await store.close();
    }
  });

  it('the worker runs by itself when the service comes back online', async () => {
    h = createHarness();
    h.insurance.mode = { kind: 'down' };
    h.insurance.setState('offline');
    await toChoice(h);
    const visit = await h.checkin.choose('KHAM', 'normal');
    h.worker.start();
    await new Promise((r) => setTimeout(r, 20)); // the first pass at start finds the service down
    h.insurance.mode = { kind: 'answer', result: () => insuranceResult() };
    h.insurance.setState('online');
    const started = Date.now();
    while ((await h.recheck.summary()).pending > 0 && Date.now() - started < 3000) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await h.recheck.summary()).pending).toBe(0);
    expect((await h.store.getVisit(visit.id))!.insurance.source).toBe('online');
  });

  it('the same person, department and day gets the existing visit back (a reprint)', async () => {
    h = createHarness();
    await toChoice(h);
    const first = await h.checkin.choose('KHAM', 'normal');
    h.checkin.reset();
    h.cards.remove();

    const again = await toChoice(h);
    expect(again.existingVisits.map((v) => v.id)).toEqual([first.id]);
    const second = await h.checkin.choose('KHAM', 'normal');
    expect(second.id).toBe(first.id);
    expect(second.queueNumber).toBe(first.queueNumber);
    expect(expectStep(h.checkin.current(), 'done').reprint).toBe(true);
    expect(h.printer.printed).toHaveLength(2);

    h.checkin.reset();
    h.cards.remove();
    await toChoice(h);
    const other = await h.checkin.choose('RHM', 'normal');
    expect(other.id).not.toBe(first.id);
    expect(other.queueNumber).toBe('K01-RHM-T-001');
    expect(await h.visits.list({})).toHaveLength(2);
  });

  it('a failed print keeps the visit; retry and reprint print it again, never a second visit', async () => {
    h = createHarness();
    h.printer.failing = true;
    await toChoice(h);
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.printStatus).toBe('failed');
    const done = expectStep(h.checkin.current(), 'done');
    expect(done.printError?.code).toBe('PRINT_OFFLINE');
    expect((await h.store.getVisit(visit.id))!.printStatus).toBe('failed');

    h.printer.failing = false;
    await h.checkin.retry();
    const retried = expectStep(h.checkin.current(), 'done');
    expect(retried.printError).toBeNull();
    expect(retried.visit.printStatus).toBe('printed');

    const prints: string[] = [];
    h.visits.onPrintChanged((p) => prints.push(p.status));
    const outcome = await h.visits.reprint(visit.id);
    expect(outcome).toEqual({ visitId: visit.id, status: 'printed', error: null });
    expect(prints).toEqual(['printing', 'printed']);
    expect(h.printer.printed.map((v) => v.id)).toEqual([visit.id, visit.id]);
    expect(await h.visits.list({})).toHaveLength(1);
    expect(h.store.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 });
  });

  it('a printer that never answers fails the print, not the visit', async () => {
    h = createHarness({ config: (c) => (c.printer.jobTimeoutMs = 1000) });
    // The guard is jobTimeoutMs + 5 s; the printer's own timeout normally fires first.
    h.printer.hang = true;
    await toChoice(h);
    const pending = h.checkin.choose('KHAM', 'normal');
    await h.waitFor('printing');
    const visit = (await h.visits.list({}))[0]!;
    expect(visit.printStatus).toBe('printing');
    h.checkin.reset(); // staff give up on the screen; the visit stays
    expect(await h.visits.list({})).toHaveLength(1);
    void pending.catch(() => undefined);
  });

  it('a wrong key goes back to asking for the key, with the reason', async () => {
    h = createHarness();
    h.cards.insert(1);
    await h.checkin.provideKey({
      kind: 'id-dob',
      idNumber: AN.idNumber,
      dateOfBirth: '1999-01-01',
    });
    const needKey = expectStep(h.checkin.current(), 'need-key');
    expect(needKey.lastError?.code).toBe('CARD_WRONG_KEY');
    await h.checkin.provideKey(keyFor(1));
    expectStep(h.checkin.current(), 'choose-department');
  });

  it('a BAC-only card given the ID alone asks for the key again (CARD_KEY_NEEDS_DOB)', async () => {
    h = createHarness();
    h.cards.insert(1);
    h.cards.failNext('CARD_KEY_NEEDS_DOB');
    await h.checkin.provideKey({ kind: 'id', idNumber: AN.idNumber });
    const needKey = expectStep(h.checkin.current(), 'need-key');
    expect(needKey.lastError?.code).toBe('CARD_KEY_NEEDS_DOB');
    await h.checkin.provideKey(keyFor(1));
    expectStep(h.checkin.current(), 'choose-department');
  });

  it('a card pulled mid-read: CARD_REMOVED, then back to asking for the card, then reads again', async () => {
    h = createHarness();
    h.cards.insert(1);
    let release!: () => void;
    h.cards.gate = new Promise((r) => (release = r));
    const reading = h.checkin.provideKey(keyFor(1));
    await h.waitFor('reading');
    h.cards.remove();
    h.cards.gate = null;
    release();
    await reading;
    const err = expectStep(h.checkin.current(), 'error');
    expect(err.error.code).toBe('CARD_REMOVED');
    expect(err.canRetry).toBe(true);
    await h.waitFor('need-card');
    h.cards.insert(1);
    await h.waitFor('choose-department');
  });

  it('retry after a read error reads again', async () => {
    h = createHarness();
    h.cards.insert(1);
    h.cards.failNext('CARD_TIMEOUT');
    await h.checkin.provideKey(keyFor(1));
    expect(expectStep(h.checkin.current(), 'error').error.code).toBe('CARD_TIMEOUT');
    await h.checkin.retry();
    expectStep(h.checkin.current(), 'choose-department');
  });

  it('desk: DG1 + DG13 are shown to staff before the photo arrives', async () => {
    h = createHarness({ config: (c) => (c.station.mode = 'desk') });
    await toChoice(h);
    const early = h.states.filter((s) => s.step === 'reading' && s.patient);
    expect(early.length).toBeGreaterThan(0);
    expect(early.at(-1)).toMatchObject({ patient: { fullName: AN.fullName, photoDataUrl: null } });
  });

  it('an unverified chip is trusted only when reader.requireVerifiedChip is off', async () => {
    h = createHarness({ config: (c) => (c.reader.requireVerifiedChip = true) });
    h.cards.passiveAuthentication = { status: 'unverified', detail: 'no CSCA' };
    h.cards.insert(1);
    await h.checkin.provideKey(keyFor(1));
    expect(expectStep(h.checkin.current(), 'see-desk').problem.code).toBe(
      'CHECKIN_CHIP_UNVERIFIED',
    );
    expect(h.insurance.queries).toHaveLength(0);
    await h.shutdown();
    h = createHarness({ config: (c) => (c.reader.requireVerifiedChip = false) });
    h.cards.passiveAuthentication = { status: 'unverified', detail: 'no CSCA' };
    h.cards.chipAuthentication = { status: 'genuine', method: 'AA', detail: 'ECDSA' };
    expect((await toChoice(h)).needsStaff).toBeNull();
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.chipVerification).toMatchObject({
      passiveAuthentication: 'unverified',
      chipAuthentication: 'genuine',
      chipAuthMethod: 'AA',
      acceptedByStaff: false,
      acceptedBy: null,
    });
  });

  it('a chip offering no chip authentication goes to the desk with reader.requireChipAuthentication', async () => {
    h = createHarness({ config: (c) => (c.reader.requireChipAuthentication = true) });
    h.cards.insert(1);
    await h.checkin.provideKey(keyFor(1));
    expect(expectStep(h.checkin.current(), 'see-desk').problem).toMatchObject({
      code: 'CHECKIN_CARD_NOT_GENUINE',
    });
    expect(h.insurance.queries).toHaveLength(0);
  });

  it('a kiosk cannot give the emergency lane (main refuses it); the desk can', async () => {
    h = createHarness();
    await toChoice(h);
    await expect(h.checkin.choose('KHAM', 'emergency')).rejects.toMatchObject({
      code: 'CHECKIN_LANE_NOT_HERE',
    });
    expect(await h.visits.list({})).toEqual([]);
    expect(h.checkin.current().step).toBe('choose-department');
    expect((await h.checkin.choose('KHAM', 'elderly')).lane).toBe('elderly');
    await h.shutdown();
    h = createHarness({ config: (c) => (c.station.mode = 'desk') });
    await toChoice(h);
    expect((await h.checkin.choose('KHAM', 'emergency')).lane).toBe('emergency');
  });

  it('the done screen reprints once on a kiosk, as often as staff like on a desk', async () => {
    h = createHarness();
    await toChoice(h);
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(h.checkin.claimReprint().id).toBe(visit.id);
    expect(() => h.checkin.claimReprint()).toThrow(
      expect.objectContaining({ code: 'CHECKIN_REPRINT_LIMIT' }),
    );
    await h.shutdown();
    h = createHarness({ config: (c) => (c.station.mode = 'desk') });
    await toChoice(h);
    await h.checkin.choose('KHAM', 'normal');
    for (let i = 0; i < 3; i++) expect(h.checkin.claimReprint().queueNumber).toBe('K01-KHAM-T-001');
  });

  it('"re-enter" from the service needs staff; self-pay goes on without a re-check', async () => {
    h = createHarness();
    h.insurance.mode = { kind: 'answer', result: () => insuranceResult('re-enter', false, '060') };
    const choice = await toChoice(h);
    expect(choice.needsStaff?.code).toBe('CHECKIN_INSURANCE_RE_ENTER');
    await h.checkin.override('self-pay');
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.insurance).toMatchObject({ source: 'self-pay', result: null });
    expect((await h.recheck.summary()).pending).toBe(0);
  });

  it('a lookup configuration error needs staff and falls back to pending', async () => {
    h = createHarness();
    h.insurance.mode = { kind: 'error', code: 'INSURANCE_AUTH' };
    const choice = await toChoice(h);
    expect(choice.insurance.source).toBe('pending');
    expect(choice.needsStaff?.code).toBe('CHECKIN_INSURANCE_CONFIG');
    await h.checkin.override('insurance-pending');
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.insurance.source).toBe('pending');
    expect((await h.recheck.summary()).pending).toBe(1);
  });

  it('insurance checking switched off: no lookup, source "disabled"', async () => {
    h = createHarness();
    h.checkin.setInsuranceChecking(false);
    expect(h.checkin.insuranceChecking()).toBe(false);
    const choice = await toChoice(h);
    expect(choice.insurance.source).toBe('disabled');
    expect(h.insurance.queries).toEqual([]);
  });

  it('desk: typed identity skips the chip; bad input is refused with the field', async () => {
    h = createHarness({ config: (c) => (c.station.mode = 'desk') });
    await expect(
      h.checkin.manualIdentity({
        idNumber: '12',
        fullName: 'X',
        dateOfBirth: '1990-01-01',
        sex: 'M',
      }),
    ).rejects.toMatchObject({ code: 'CHECKIN_BAD_INPUT', detail: 'idNumber' });
    await expect(
      h.checkin.manualIdentity({
        idNumber: AN.idNumber,
        fullName: AN.fullName,
        dateOfBirth: '1990-02-30',
        sex: 'M',
      }),
    ).rejects.toMatchObject({ code: 'CHECKIN_BAD_INPUT', detail: 'dateOfBirth' });
    await h.checkin.manualIdentity({
      idNumber: AN.idNumber,
      fullName: ` ${AN.fullName} `,
      dateOfBirth: AN.dateOfBirth!,
      sex: 'M',
      cardNumber: 'dn4010123456781',
    });
    const choice = expectStep(h.checkin.current(), 'choose-department');
    expect(choice.patient).toMatchObject({
      source: 'typed',
      fullName: AN.fullName,
      photoDataUrl: null,
    });
    expect(h.insurance.queries.at(-1)).toEqual({
      cardNumber: 'DN4010123456781',
      fullName: AN.fullName,
      dateOfBirth: AN.dateOfBirth,
    });
    const visit = await h.checkin.choose('CC', 'emergency');
    expect(visit).toMatchObject({ identitySource: 'typed', queueNumber: 'K01-CC-U-001' });
  });

  it("desk: a date of birth after the hospital's day is refused, whatever day it is in Vietnam", async () => {
    // 05:00 UTC: already 23 November in Vietnam, still the 22nd at a hospital in Los Angeles.
    h = createHarness({
      now: new Date('2026-11-23T05:00:00Z'),
      config: (c) => {
        c.hospital.timeZone = 'America/Los_Angeles';
      },
    });
    const typed = { idNumber: AN.idNumber, fullName: AN.fullName, sex: 'M' as const };
    await expect(
      h.checkin.manualIdentity({ ...typed, dateOfBirth: '2026-11-23' }),
    ).rejects.toMatchObject({ code: 'CHECKIN_BAD_INPUT', detail: 'dateOfBirth' });
    await h.checkin.manualIdentity({ ...typed, dateOfBirth: '2026-11-22' });
    expect(h.checkin.current().step).not.toBe('error');
  });

  it('desk: a year-only date of birth goes on to the lookup, which takes YYYY', async () => {
    h = createHarness();
    await h.checkin.manualIdentity({
      idNumber: AN.idNumber,
      fullName: AN.fullName,
      dateOfBirth: AN.dateOfBirth!.slice(0, 4),
      sex: 'M',
    });
    expect(h.insurance.queries.at(-1)).toEqual({
      idNumber: AN.idNumber,
      fullName: AN.fullName,
      dateOfBirth: AN.dateOfBirth!.slice(0, 4),
    });
    expect(h.checkin.current().step).not.toBe('error');
  });

  it('unknown department or lane is refused and nothing is written', async () => {
    h = createHarness();
    await toChoice(h);
    await expect(h.checkin.choose('NOPE', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_UNKNOWN_DEPARTMENT',
    });
    await expect(h.checkin.choose('KHAM', 'vip' as never)).rejects.toMatchObject({
      code: 'CHECKIN_UNKNOWN_LANE',
    });
    expect(await h.visits.list({})).toEqual([]);
    expectStep(h.checkin.current(), 'choose-department');
  });

  it('actions at the wrong step are refused', async () => {
    h = createHarness();
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_WRONG_STEP',
    });
    await expect(h.checkin.override('self-pay')).rejects.toMatchObject({
      code: 'CHECKIN_WRONG_STEP',
    });
    await expect(h.checkin.retry()).rejects.toMatchObject({ code: 'CHECKIN_NOTHING_TO_RETRY' });
    await toChoice(h);
    await expect(h.checkin.provideKey(keyFor(2))).rejects.toMatchObject({ code: 'CHECKIN_BUSY' });
  });

  it('a failed commit is an error state; retry commits once', async () => {
    let failures = 1;
    h = createHarness({
      store: (real) =>
        new Proxy(real, {
          get(target, prop, receiver) {
            if (prop === 'checkIn') {
              return async (req: Parameters<KioskStore['checkIn']>[0]) => {
                if (failures-- > 0) throw storeErrors.locked({ detail: 'test' });
                return target.checkIn(req);
              };
            }
            const value = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    });
    await toChoice(h);
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'STORE_LOCKED',
    });
    const err = expectStep(h.checkin.current(), 'error');
    expect(err).toMatchObject({ canRetry: true, error: { code: 'STORE_LOCKED' } });
    await h.checkin.retry();
    const done = expectStep(h.checkin.current(), 'done');
    expect(done.visit.queueNumber).toBe('K01-KHAM-T-001');
    expect(await h.visits.list({})).toHaveLength(1);
  });

  it('reset drops every personal detail from the state; done returns to idle by itself', async () => {
    h = createHarness({ config: (c) => (c.station.doneReturnSeconds = 0.05) });
    await toChoice(h);
    h.checkin.reset();
    expect(JSON.stringify(h.checkin.current())).not.toContain(AN.fullName);

    h.cards.remove();
    await toChoice(h);
    await h.checkin.choose('KHAM', 'normal');
    expectStep(h.checkin.current(), 'done');
    await h.waitFor('idle');
  });

  it('the next card placed while someone left their choice on screen starts over for the new person', async () => {
    h = createHarness();
    await toChoice(h, 1);
    h.cards.remove(); // the first person takes the card and walks away before choosing
    expectStep(h.checkin.current(), 'choose-department');
    h.cards.insert(2);
    expect(h.checkin.current()).toEqual({ step: 'need-key', reader: READER, lastError: null });
    // The first person's choice can no longer be made by the next person's taps.
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_WRONG_STEP',
    });
    await h.checkin.provideKey(keyFor(2));
    const choice = expectStep(h.checkin.current(), 'choose-department');
    expect(choice.patient.fullName).toBe(simIdentity(2).card.fullName);
    expect(await h.visits.list({})).toEqual([]);
  });

  it('after a failed lookup or commit, a new card is a new person, not a retry', async () => {
    h = createHarness();
    await toChoice(h, 1);
    await h.store.close(); // the commit fails: STORE_CLOSED, an error step
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toBeTruthy();
    expectStep(h.checkin.current(), 'error');
    h.cards.remove();
    h.cards.insert(2);
    expect(h.checkin.current()).toEqual({ step: 'need-key', reader: READER, lastError: null });
  });

  it('a card removed while the key is asked for goes back to idle', async () => {
    h = createHarness();
    h.cards.insert(1);
    expectStep(h.checkin.current(), 'need-key');
    h.cards.remove();
  });

  it('logs carry codes and counts, never the person', async () => {
    h = createHarness();
    h.insurance.mode = { kind: 'down' };
    await toChoice(h);
    await h.checkin.choose('KHAM', 'normal');
    const log = h.logLines.join('\n');
    expect(log).toContain('visit committed');
    for (const secret of [AN.idNumber, AN.fullName, AN.dateOfBirth!, 'Nguyễn']) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('visits service', () => {
  it('lists by day, searches without diacritics, cancels, refuses reprints of other days', async () => {
    h = createHarness();
    await toChoice(h, 1);
    const a = await h.checkin.choose('KHAM', 'normal');
    h.checkin.reset();
    h.cards.remove();
    await toChoice(h, 2);
    const b = await h.checkin.choose('KHAM', 'normal');

    expect((await h.visits.list({ query: 'nguyen van an' })).map((v) => v.id)).toEqual([a.id]);
    expect((await h.visits.list({ query: 'T-002' })).map((v) => v.id)).toEqual([b.id]);
    expect(await h.visits.list({ department: 'NHI' })).toEqual([]);
    await expect(h.visits.list({ date: '2026-13-01' })).rejects.toThrow(
      expect.objectContaining({ code: 'CHECKIN_BAD_INPUT' }),
    );

    const changes: string[] = [];
    h.visits.onChanged((c) => changes.push(c.date));
    const cancelled = await h.visits.cancel(a.id, 'bệnh nhân về');
    expect(cancelled.status).toBe('cancelled');
    expect(changes).toEqual([a.date]);
    expect((await h.visits.list({})).map((v) => v.id)).toEqual([b.id]);
    expect(await h.visits.list({ includeCancelled: true })).toHaveLength(2);
    await expect(h.visits.reprint(a.id)).rejects.toMatchObject({ code: 'CHECKIN_VISIT_CANCELLED' });
    await expect(h.visits.reprint('nope')).rejects.toMatchObject({
      code: 'CHECKIN_VISIT_NOT_FOUND',
    });
    await expect(h.visits.cancel(b.id, '  ')).rejects.toThrow(
      expect.objectContaining({ code: 'CHECKIN_BAD_INPUT' }),
    );

    h.clock.now = new Date(h.clock.now.getTime() + 86_400_000 * 2);
    await expect(h.visits.reprint(b.id)).rejects.toMatchObject({
      code: 'CHECKIN_REPRINT_NOT_TODAY',
    });
  });
});
