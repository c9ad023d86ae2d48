/** A KioskApi in memory: scripted answers per request, events pushed by the test. */
import type {
  ApiEvents,
  EventListener,
  EventName,
  KioskApi,
  RequestInput,
  RequestName,
  RequestOutput,
} from '../../../src/shared/api-contract';
import type { AppInfo, CheckinState, PatientView, Visit } from '../../../src/shared/domain';
import type { KioskErrorShape } from '../../../src/shared/errors';
import { ApiError } from '../../../src/renderer/src/api/api-error';

type Answer<K extends RequestName> =
  RequestOutput<K> | ((input: RequestInput<K>) => RequestOutput<K> | Promise<RequestOutput<K>>);

export class FakeKioskApi implements KioskApi {
  readonly calls: { name: RequestName; input: unknown }[] = [];
  private readonly answers = new Map<RequestName, unknown>();
  private readonly failures = new Map<RequestName, KioskErrorShape>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  answer<K extends RequestName>(name: K, answer: Answer<K>): this {
    this.answers.set(name, answer);
    this.failures.delete(name);
    return this;
  }

  fail(name: RequestName, error: KioskErrorShape): this {
    this.failures.set(name, error);
    return this;
  }

  async request<K extends RequestName>(name: K, input: RequestInput<K>): Promise<RequestOutput<K>> {
    this.calls.push({ name, input });
    const failure = this.failures.get(name);
    if (failure) throw new ApiError(failure);
    const answer = this.answers.get(name);
    if (typeof answer === 'function') return (await answer(input)) as RequestOutput<K>;
    return (answer ?? null) as RequestOutput<K>;
  }

  on<K extends EventName>(name: K, listener: EventListener<K>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  emit<K extends EventName>(name: K, payload: ApiEvents[K]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  listenerCount(name: EventName): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  called(name: RequestName): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input);
  }
}

export const APP_INFO: AppInfo = {
  version: '0.1.0-test',
  stationId: 'K01',
  mode: 'kiosk',
  language: 'vi',
  hospital: {
    name: { vi: 'Bệnh viện Thử', en: 'Test Hospital' },
    logoDataUrl: null,
    timeZone: 'Asia/Ho_Chi_Minh',
  },
  departments: [
    {
      code: 'KHAM',
      name: { vi: 'Khám bệnh đa khoa', en: 'General examination' },
      room: { vi: 'Phòng 101', en: 'Room 101' },
      directions: null,
    },
  ],
  lanes: ['normal', 'elderly', 'child', 'disability', 'pregnant', 'emergency'],
  simulated: { reader: true, gateway: true },
  kiosk: { idleTimeoutSeconds: 30, doneReturnSeconds: 10 },
  insuranceChecking: true,
};

/** Made-up person from the simulator catalog (identity 1). */
export const PATIENT: PatientView = {
  idNumber: '001085012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1985-03-14',
  sex: 'M',
  source: 'chip',
  photoDataUrl: 'data:image/jpeg;base64,AAAA',
  photoFormat: 'jpeg',
  passiveAuthentication: { status: 'valid', detail: 'ok' },
  chipAuthentication: { status: 'genuine', method: 'CA', detail: 'ok' },
  idNumberCheck: { consistent: true, problems: [] },
};

export const VISIT: Visit = {
  id: 'v-1',
  date: '2026-11-23',
  stationId: 'K01',
  department: 'KHAM',
  lane: 'normal',
  queueNumber: 'K01-KHAM-001',
  queueSeq: 1,
  patient: {
    idNumber: PATIENT.idNumber,
    fullName: PATIENT.fullName,
    dateOfBirth: PATIENT.dateOfBirth,
    sex: 'M',
  },
  identitySource: 'chip',
  chipVerification: null,
  insurance: { source: 'online', result: null, cachedAt: null, stale: false, note: null },
  createdAt: '2026-11-23T08:15:00.000+07:00',
  status: 'active',
  cancelledReason: null,
  printStatus: 'printed',
  printError: null,
  flagged: false,
};

export const CHOOSING: CheckinState = {
  step: 'choose-department',
  patient: PATIENT,
  insurance: VISIT.insurance,
  needsStaff: null,
  existingVisits: [],
};

export const CARD_REMOVED: KioskErrorShape = {
  code: 'CARD_REMOVED',
  message: { vi: 'Thẻ đã bị nhấc ra khi đang đọc.', en: 'The card was removed during reading.' },
  retryable: true,
};
