/**
 * A station whose main process is a script: the real web host and the real renderer, but the
 * handler table answers what the test says and the check-in state is whatever the test pushes.
 * For states the real services pass through too fast to look at (reading at 60 %), or that need
 * a long setup (stale cache, staff decision, printer out of paper): screenshots and screen specs.
 */
import path from 'node:path';
import type { ApiHandlers, RequestName } from '../../../src/shared/api-contract';
import { REQUEST_NAMES } from '../../../src/shared/api-contract';
import type {
  AppInfo,
  CheckinState,
  Department,
  GatewayStatus,
  PatientView,
  ReaderStatus,
  Visit,
  VisitInsurance,
} from '../../../src/shared/domain';
import { LANES } from '../../../src/shared/domain';
import { EventHub } from '../../../src/main/api/event-hub';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { departmentDefaults, hospitalDefaults } from '../../../src/main/config/sections/station';
import { simIdentity } from '../../../src/sim/data/identities';
import { startWebHost } from '../../../src/main/web-host/server';

export interface ScriptedStation {
  url: string;
  deskUrl: string;
  events: EventHub;
  calls: { name: RequestName; input: unknown }[];
  /** Replace one request's answer. */
  answer<K extends RequestName>(name: K, handler: ApiHandlers[K]): void;
  push(state: CheckinState): void;
  close(): Promise<void>;
}

const DEPARTMENTS: Department[] = departmentDefaults.map((d) => ({
  code: d.code,
  name: d.name,
  room: d.room,
  directions: d.directions ?? null,
}));

export function scriptedAppInfo(patch: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.1.0',
    stationId: 'K01',
    mode: 'kiosk',
    language: 'vi',
    hospital: { name: hospitalDefaults.name, logoDataUrl: null, timeZone: 'Asia/Ho_Chi_Minh' },
    departments: DEPARTMENTS,
    lanes: [...LANES],
    simulated: { reader: true, gateway: true },
    kiosk: { idleTimeoutSeconds: 600, doneReturnSeconds: 120 },
    insuranceChecking: true,
    ...patch,
  };
}

export const SCRIPTED_READER: ReaderStatus = {
  name: 'Simulated CCCD Reader 0',
  kind: 'simulated',
  state: 'card-present',
};

export const ONLINE: GatewayStatus = {
  state: 'online',
  circuit: 'closed',
  lastSuccessAt: '2026-11-23T08:10:00.000+07:00',
  lastFailure: null,
  simulated: true,
};

/** A made-up person from the simulator catalog, as the screen would get them after a read. */
export function scriptedPatient(index: number, photoDataUrl: string | null = null): PatientView {
  const card = simIdentity(index).card;
  return {
    idNumber: card.idNumber,
    fullName: card.fullName,
    dateOfBirth: card.dateOfBirth,
    sex: card.sex,
    source: 'chip',
    photoDataUrl,
    photoFormat: photoDataUrl ? 'jpeg' : null,
    passiveAuthentication: { status: 'valid', detail: 'test CSCA' },
    chipAuthentication: { status: 'genuine', method: 'CA', detail: 'simulated chip' },
    idNumberCheck: { consistent: true, problems: [] },
  };
}

export function insuredOnline(
  percent = 80,
  checkedAt = '2026-11-23T08:14:00.000+07:00',
): VisitInsurance {
  return {
    source: 'online',
    cachedAt: null,
    stale: false,
    note: null,
    result: {
      code: '000',
      outcome: 'insured',
      mayUseInsurance: true,
      message: { vi: 'Thẻ hợp lệ', en: 'Card valid' },
      serviceNote: null,
      card: {
        number: 'DN4010123456781',
        holderName: null,
        dateOfBirth: null,
        sex: null,
        address: null,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        registeredFacility: { code: '01001', name: null },
        benefitLevel: 4,
        coveragePercent: percent,
        fiveYearsContinuousFrom: null,
        areaCode: null,
        socialInsuranceNumber: null,
      },
      replacement: null,
      history: [],
      checkedAt,
    },
  };
}

export function scriptedVisit(index: number, patch: Partial<Visit> = {}): Visit {
  const p = scriptedPatient(index);
  return {
    id: `visit-${index}`,
    date: '2026-11-23',
    stationId: 'K01',
    department: 'KHAM',
    lane: 'normal',
    queueNumber: `K01-KHAM-${String(index).padStart(3, '0')}`,
    queueSeq: index,
    patient: { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth, sex: p.sex },
    identitySource: 'chip',
    chipVerification: null,
    insurance: insuredOnline(),
    createdAt: `2026-11-23T08:${String(10 + index).padStart(2, '0')}:00.000+07:00`,
    status: 'active',
    cancelledReason: null,
    printStatus: 'printed',
    printError: null,
    flagged: false,
    ...patch,
  };
}

export async function startScriptedStation(
  options: { info?: Partial<AppInfo>; visits?: Visit[] } = {},
): Promise<ScriptedStation> {
  const events = new EventHub();
  const calls: { name: RequestName; input: unknown }[] = [];
  let state: CheckinState = { step: 'idle' };
  const info = scriptedAppInfo(options.info);
  const table: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of REQUEST_NAMES) table[name] = async () => null;
  Object.assign(table, {
    'app.info': async () => info,
    'readers.list': async () => [SCRIPTED_READER],
    'gateway.status': async () => ONLINE,
    'checkin.current': async () => state,
    'visits.list': async () => options.visits ?? [],
    'recheck.summary': async () => ({ pending: 0, flagged: [] }),
    'sim.catalog': async () => [],
  });
  const handlers = new Proxy(table, {
    get(target, name: string) {
      const handler = target[name];
      return async (input: unknown) => {
        calls.push({ name: name as RequestName, input });
        return handler ? handler(input) : null;
      };
    },
  }) as unknown as ApiHandlers;

  const serve = (mode: 'kiosk' | 'desk') =>
    startWebHost({
      handlers,
      mode,
      events,
      staticDir: path.resolve('out/renderer'),
      logger: createMemoryLogger('warn').logger,
    });
  // One host per station mode: main answers each page only what its mode may ask.
  const host = await serve('kiosk');
  const desk = await serve('desk');
  return {
    url: host.url,
    deskUrl: `${desk.origin}/?mode=desk#secret=${desk.secret}`,
    events,
    calls,
    answer(name, handler) {
      table[name] = handler as (input: unknown) => Promise<unknown>;
    },
    push(next) {
      state = next;
      events.emit('checkin.state', next);
    },
    close: async () => {
      await desk.close();
      await host.close();
    },
  };
}
