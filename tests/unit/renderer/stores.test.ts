import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setKioskApiForTests } from '../../../src/renderer/src/api';
import { useAppStore } from '../../../src/renderer/src/stores/app-store';
import { useCheckinStore } from '../../../src/renderer/src/stores/checkin-store';
import {
  connectStores,
  endKioskSession,
  loadStation,
} from '../../../src/renderer/src/stores/connect';
import { useSimStore } from '../../../src/renderer/src/stores/sim-store';
import { useVisitsStore } from '../../../src/renderer/src/stores/visits-store';
import type { CheckinState, Discrepancy } from '../../../src/shared/domain';
import { APP_INFO, CARD_REMOVED, CHOOSING, FakeKioskApi, PATIENT, VISIT } from './fake-api';

const initial = {
  app: useAppStore.getState(),
  checkin: useCheckinStore.getState(),
  visits: useVisitsStore.getState(),
  sim: useSimStore.getState(),
};

function allStoreText(): string {
  return JSON.stringify([
    useAppStore.getState(),
    useCheckinStore.getState(),
    useVisitsStore.getState(),
    useSimStore.getState(),
  ]);
}

const DISCREPANCY: Discrepancy = {
  id: 'd-1',
  visitId: VISIT.id,
  queueNumber: VISIT.queueNumber,
  patientName: PATIENT.fullName,
  usedAtCheckin: { code: '000', outcome: 'insured', source: 'cache' },
  recheck: { code: '010', outcome: 'not-insured', checkedAt: '2026-11-23T09:00:00.000+07:00' },
  resolved: false,
};

function stationApi(): FakeKioskApi {
  return new FakeKioskApi()
    .answer('app.info', APP_INFO)
    .answer('readers.list', [
      { name: 'Simulated CCCD Reader 0', kind: 'simulated', state: 'empty' },
    ])
    .answer('gateway.status', {
      state: 'online',
      circuit: 'closed',
      lastSuccessAt: null,
      lastFailure: null,
      simulated: true,
    })
    .answer('checkin.current', { step: 'idle' })
    .answer('visits.list', [VISIT])
    .answer('recheck.summary', { pending: 2, flagged: [DISCREPANCY] });
}

let api: FakeKioskApi;
let disconnect: (() => void) | null = null;

async function connect(search = ''): Promise<void> {
  disconnect = connectStores(search, api);
  await loadStation(search, api);
}

beforeEach(() => {
  useAppStore.setState(initial.app, true);
  useCheckinStore.setState(initial.checkin, true);
  useVisitsStore.setState(initial.visits, true);
  useSimStore.setState(initial.sim, true);
  api = stationApi();
  setKioskApiForTests(api);
});

afterEach(() => {
  disconnect?.();
  disconnect = null;
});

describe('start-up', () => {
  it('loads the station, its readers, the lookup service and the current check-in', async () => {
    api.answer('checkin.current', CHOOSING);
    await connect();
    const app = useAppStore.getState();
    expect(app.info?.stationId).toBe('K01');
    expect(app.mode).toBe('kiosk');
    expect(app.language).toBe('vi');
    expect(app.readers).toHaveLength(1);
    expect(app.gateway?.state).toBe('online');
    expect(useCheckinStore.getState().state.step).toBe('choose-department');
  });

  it('keeps other people out of a kiosk: no visit list, no re-check discrepancies', async () => {
    await connect();
    expect(api.called('visits.list')).toHaveLength(0);
    expect(api.called('recheck.summary')).toHaveLength(0);
    api.emit('recheck.changed', { pending: 1, flagged: [DISCREPANCY] });
    api.emit('visits.changed', { date: '2026-11-23' });
    expect(useAppStore.getState().recheck.flagged).toHaveLength(0);
    expect(api.called('visits.list')).toHaveLength(0);
  });

  it('takes ?mode=desk over the configured mode and loads the desk lists', async () => {
    await connect('?mode=desk');
    expect(useAppStore.getState().mode).toBe('desk');
    expect(useVisitsStore.getState().visits).toEqual([VISIT]);
    expect(useAppStore.getState().recheck.pending).toBe(2);
  });

  it('keeps the typed error when the station cannot be reached', async () => {
    api.fail('app.info', { code: 'APP_DISCONNECTED', message: { vi: 'Mất kết nối', en: 'Lost' } });
    await loadStation('', api);
    expect(useAppStore.getState().startError?.code).toBe('APP_DISCONNECTED');
    expect(useAppStore.getState().info).toBeNull();
  });
});

describe('pushed events', () => {
  it('a push that lands while the first answer is on its way is not overwritten by it', async () => {
    let answer: () => void = () => {};
    api.answer(
      'gateway.status',
      () =>
        new Promise((resolve) => {
          answer = () =>
            resolve({
              state: 'online',
              circuit: 'closed',
              lastSuccessAt: null,
              lastFailure: null,
              simulated: true,
            });
        }),
    );
    disconnect = connectStores('', api);
    const loading = loadStation('', api);
    await new Promise((r) => setTimeout(r, 0));
    // Asked while the service was up; the push says it went down before the answer arrives.
    api.emit('gateway.changed', {
      state: 'offline',
      circuit: 'open',
      lastSuccessAt: null,
      lastFailure: null,
      simulated: true,
    });
    answer();
    await loading;
    expect(useAppStore.getState().gateway?.state).toBe('offline');
  });

  it('update the check-in, readers and lookup-service state', async () => {
    await connect();
    const reading: CheckinState = { step: 'reading', progress: { phase: 'identity', percent: 40 } };
    api.emit('checkin.state', reading);
    expect(useCheckinStore.getState().state).toEqual(reading);

    api.emit('readers.changed', [{ name: 'R', kind: 'pcsc', state: 'card-present' }]);
    expect(useAppStore.getState().readers[0]?.state).toBe('card-present');

    api.emit('gateway.changed', {
      state: 'offline',
      circuit: 'open',
      lastSuccessAt: null,
      lastFailure: null,
      simulated: true,
    });
    expect(useAppStore.getState().gateway?.state).toBe('offline');
  });

  it('reload the desk list on visits.changed and patch print status on print.changed', async () => {
    await connect('?mode=desk');
    api.answer('visits.list', [VISIT, { ...VISIT, id: 'v-2', queueNumber: 'K01-KHAM-002' }]);
    api.emit('visits.changed', { date: VISIT.date });
    await new Promise((r) => setTimeout(r, 0));
    expect(useVisitsStore.getState().visits).toHaveLength(2);

    const failed = { code: 'PRINT_NO_PAPER', message: { vi: 'Hết giấy', en: 'Out of paper' } };
    api.emit('print.changed', { visitId: 'v-2', status: 'failed', error: failed });
    const v2 = useVisitsStore.getState().visits.find((v) => v.id === 'v-2');
    expect(v2?.printStatus).toBe('failed');
    expect(v2?.printError?.code).toBe('PRINT_NO_PAPER');
  });

  it('patch the done screen when its slip fails to print', async () => {
    await connect();
    api.emit('checkin.state', { step: 'done', visit: VISIT, reprint: false, printError: null });
    const failed = { code: 'PRINT_OFFLINE', message: { vi: 'Máy in tắt', en: 'Printer off' } };
    api.emit('print.changed', { visitId: VISIT.id, status: 'failed', error: failed });
    const state = useCheckinStore.getState().state;
    expect(state.step === 'done' && state.printError?.code).toBe('PRINT_OFFLINE');
  });

  it('stop arriving after disconnect', async () => {
    await connect();
    disconnect?.();
    disconnect = null;
    expect(api.listenerCount('checkin.state')).toBe(0);
    api.emit('checkin.state', CHOOSING);
    expect(useCheckinStore.getState().state.step).toBe('idle');
  });
});

describe('actions', () => {
  it('send scanned or typed text to main as it came, for the one parser there', async () => {
    await connect();
    await useCheckinStore.getState().provideQr('001085012345||Nguyễn Văn An|14031985|Nam||');
    expect(api.called('checkin.present')).toEqual([
      { text: '001085012345||Nguyễn Văn An|14031985|Nam||' },
    ]);
    expect(api.called('checkin.provideKey')).toEqual([]);
  });

  it('land a failed request in the store as the typed error', async () => {
    await connect();
    api.fail('checkin.retry', CARD_REMOVED);
    await useCheckinStore.getState().retry();
    expect(useCheckinStore.getState().actionError).toEqual(CARD_REMOVED);
    expect(useCheckinStore.getState().busy).toBe(false);
  });

  it('turn a thrown non-API error into an INTERNAL shape with a sentence', async () => {
    await connect();
    api.answer('checkin.choose', () => {
      throw new TypeError('boom');
    });
    const visit = await useCheckinStore.getState().choose('KHAM', 'elderly');
    expect(visit).toBeNull();
    const error = useCheckinStore.getState().actionError;
    expect(error?.code).toBe('INTERNAL');
    expect(error?.message.vi.length).toBeGreaterThan(10);
  });

  it('commit a department and lane', async () => {
    await connect();
    api.answer('checkin.choose', VISIT);
    const visit = await useCheckinStore.getState().choose('KHAM', 'elderly');
    expect(visit?.queueNumber).toBe(VISIT.queueNumber);
    expect(api.called('checkin.choose')).toEqual([{ department: 'KHAM', lane: 'elderly' }]);
  });

  it('clear an action error when main moves to another step', async () => {
    await connect();
    api.fail('checkin.retry', CARD_REMOVED);
    await useCheckinStore.getState().retry();
    api.emit('checkin.state', { step: 'need-card' });
    expect(useCheckinStore.getState().actionError).toBeNull();
  });

  it('send filters to visits.list and let only the newest answer land', async () => {
    await connect('?mode=desk');
    let release: (() => void) | null = null;
    api.answer('visits.list', (input) => {
      if (input.query === 'slow') {
        return new Promise((resolve) => {
          release = () => resolve([]);
        });
      }
      return [VISIT];
    });
    const slow = useVisitsStore.getState().setFilter({ query: 'slow' });
    await useVisitsStore.getState().setFilter({ query: 'An', department: 'KHAM' });
    (release as (() => void) | null)?.();
    await slow;
    expect(useVisitsStore.getState().visits).toEqual([VISIT]);
    expect(api.called('visits.list').at(-1)).toEqual({
      query: 'An',
      department: 'KHAM',
      includeCancelled: false,
    });
  });

  it('show a cancel or reprint failure on its row', async () => {
    await connect('?mode=desk');
    const refused = { code: 'STORE_NOT_FOUND', message: { vi: 'Không thấy', en: 'Not found' } };
    api.fail('visits.cancel', refused);
    expect(await useVisitsStore.getState().cancel(VISIT.id, 'nhầm khoa')).toBe(false);
    expect(useVisitsStore.getState().rowErrors[VISIT.id]?.code).toBe('STORE_NOT_FOUND');

    api.answer('visits.reprint', { visitId: VISIT.id, status: 'printed', error: null });
    await useVisitsStore.getState().reprint(VISIT.id);
    expect(useVisitsStore.getState().rowErrors[VISIT.id]).toBeUndefined();
  });

  it('switch insurance checking and resolve a discrepancy', async () => {
    await connect('?mode=desk');
    await useAppStore.getState().setInsuranceChecking(false);
    expect(api.called('insurance.setChecking')).toEqual([{ enabled: false }]);
    expect(useAppStore.getState().info?.insuranceChecking).toBe(false);
    await useAppStore.getState().resolveDiscrepancy('d-1');
    expect(api.called('recheck.resolve')).toEqual([{ discrepancyId: 'd-1' }]);
    expect(useAppStore.getState().recheck.flagged).toHaveLength(0);
  });

  it('drive the simulators from the developer panel', async () => {
    await connect();
    api.answer('sim.catalog', [
      {
        index: 1,
        label: 'Insured',
        fullName: 'Nguyễn Văn An',
        qrText: 'x',
        bhytQr: null,
        chip: true,
        notes: [],
      },
    ]);
    useSimStore.getState().setOpen(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(useSimStore.getState().catalog).toHaveLength(1);
    useSimStore.getState().select(1);
    await useSimStore.getState().insert();
    await useSimStore.getState().scanQr();
    await useSimStore.getState().setGateway('down');
    expect(api.called('sim.insertCard')).toEqual([{ index: 1 }]);
    expect(api.called('sim.scanQr')).toEqual([{ index: 1 }]);
    expect(api.called('sim.setGateway')).toEqual([{ mode: 'down' }]);
    expect(useSimStore.getState().gatewayMode).toBe('down');
  });

  it("'scan this text' pastes the selected person's QR and sends it as the scanner does", async () => {
    await connect();
    api.answer('sim.catalog', [
      {
        index: 1,
        label: 'Insured',
        fullName: 'Nguyễn Văn An',
        qrText: 'CCCD-QR',
        bhytQr: { code15: 'BHYT-QR-15|$', model2021: 'BHYT-QR-2021|$' },
        chip: true,
        notes: [],
      },
      {
        index: 101,
        label: 'Child, BHYT card only',
        fullName: 'Trần Minh Khôi',
        qrText: null,
        bhytQr: { code15: 'CHILD-QR|$', model2021: 'CHILD-QR-2021|$' },
        chip: false,
        notes: [],
      },
    ]);
    const sim = () => useSimStore.getState();
    sim().setOpen(true);
    await new Promise((r) => setTimeout(r, 0));
    sim().select(1);
    sim().paste('cccd');
    expect(sim().scanText).toBe('CCCD-QR');
    sim().paste('bhyt-2021');
    expect(sim().scanText).toBe('BHYT-QR-2021|$');
    sim().select(101);
    sim().paste('bhyt');
    expect(sim().scanText).toBe('CHILD-QR|$');
    // Pasting only fills the field; sending is the scanner's request, nothing of sim.*.
    expect(api.called('checkin.present')).toEqual([]);
    await sim().scanTheText();
    sim().setScanText('079123456789');
    await sim().scanTheText();
    expect(api.called('checkin.present')).toEqual([
      { text: 'CHILD-QR|$' },
      { text: '079123456789' },
    ]);
    expect(api.called('sim.scanQr')).toEqual([]);
    // The child has no CCCD QR: nothing is pasted rather than another person's.
    sim().paste('cccd');
    expect(sim().scanText).toBe('');
  });
});

describe('ending a kiosk session', () => {
  it('asks main to reset and leaves no personal detail in any store', async () => {
    await connect();
    api.answer('sim.catalog', [
      {
        index: 1,
        label: 'Insured',
        fullName: PATIENT.fullName,
        qrText: 'x',
        bhytQr: { code15: 'QR-15', model2021: 'QR-2021' },
        chip: true,
        notes: [],
      },
    ]);
    useSimStore.getState().setOpen(true);
    await new Promise((r) => setTimeout(r, 0));
    useSimStore.getState().paste('bhyt');
    useAppStore.getState().setLanguage('en');
    api.emit('checkin.state', { step: 'done', visit: VISIT, reprint: false, printError: null });
    expect(allStoreText()).toContain(PATIENT.fullName);
    expect(useSimStore.getState().scanText).toBe('QR-15');

    await endKioskSession();

    expect(api.called('checkin.reset')).toHaveLength(1);
    expect(useCheckinStore.getState().state).toEqual({ step: 'idle' });
    const text = allStoreText();
    for (const personal of [PATIENT.fullName, PATIENT.idNumber, PATIENT.dateOfBirth!, 'base64']) {
      expect(text).not.toContain(personal);
    }
    expect(useSimStore.getState().open).toBe(false);
    expect(useSimStore.getState().scanText).toBe('');
    expect(useAppStore.getState().language).toBe('vi');
  });

  it('wipes locally even when main cannot be reached', async () => {
    await connect();
    api.emit('checkin.state', CHOOSING);
    api.fail('checkin.reset', { code: 'APP_DISCONNECTED', message: { vi: 'x', en: 'x' } });
    await endKioskSession();
    expect(useCheckinStore.getState().state).toEqual({ step: 'idle' });
    expect(allStoreText()).not.toContain(PATIENT.fullName);
  });
});

describe('a kiosk session ended by main', () => {
  it('puts the next patient back in the station language', async () => {
    await connect();
    useAppStore.getState().setLanguage('en');
    api.emit('checkin.state', CHOOSING);
    expect(useAppStore.getState().language).toBe('en');
    api.emit('checkin.state', { step: 'idle' });
    expect(useAppStore.getState().language).toBe('vi');
  });
});
