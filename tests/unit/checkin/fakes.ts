/**
 * Stand-ins for the card reader, the lookup service and the printer, built on the simulator's
 * identity catalog, so that the check-in flow can be driven step by step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  AccessKeyInput,
  CardReadResult,
  CheckingOfficer,
  GatewayStatus,
  InsuranceOutcome,
  InsuranceQuery,
  InsuranceResult,
  PrintOutcome,
  ReaderStatus,
  TreatmentHistory,
  Visit,
} from '../../../src/shared/domain';
import { kioskError } from '../../../src/shared/errors';
import type { ErrorCode } from '../../../src/shared/error-codes';
import { parseConfig } from '../../../src/main/config/load-config';
import { loadSimPhoto } from '../../../src/sim/card/sim-photos';
import type { KioskConfig } from '../../../src/main/config/schema';
import type {
  CardReadOptions,
  CardReadOutput,
  CardReaderService,
  InsuranceService,
  LookupOptions,
  SlipPrinter,
} from '../../../src/main/services-contract';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';

export const READER = 'Fake Reader 00';

export function testConfig(patch: (c: KioskConfig) => void = () => {}): KioskConfig {
  const c = parseConfig({}, 'test-config.json');
  c.insurance.checkinBudgetMs = 200;
  patch(c);
  return c;
}

export function tempDir(prefix = 'kiosk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function keyFor(index: number): AccessKeyInput {
  return { kind: 'qr', text: simQrText(simIdentity(index)) };
}

function keyMatches(index: number, key: AccessKeyInput): boolean {
  const card = simIdentity(index).card;
  if (key.kind === 'qr') return key.text.split('|')[0] === card.idNumber;
  if (key.kind === 'id-dob')
    return key.idNumber === card.idNumber && key.dateOfBirth === card.dateOfBirth;
  return false;
}

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

export class FakeCards implements CardReaderService {
  private card: number | null = null;
  private reading = false;
  private failures: ErrorCode[] = [];
  private listeners = new Set<(r: ReaderStatus[]) => void>();
  readonly reads: AccessKeyInput[] = [];
  /** Resolve to let a read finish (for "removed mid-read"); null: reads finish at once. */
  gate: Promise<void> | null = null;
  /** What the reads report about chip and passive authentication (unless the SOD is tampered). */
  chipAuthentication: CardReadResult['chipAuthentication'] = {
    status: 'not-offered',
    method: null,
    detail: 'fake reader',
  };
  passiveAuthentication: CardReadResult['passiveAuthentication'] = {
    status: 'valid',
    detail: 'ok',
  };

  readers(): ReaderStatus[] {
    const state = this.reading ? 'reading' : this.card !== null ? 'card-present' : 'empty';
    return [{ name: READER, kind: 'simulated', state }];
  }
  onReadersChanged(listener: (r: ReaderStatus[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private emit(): void {
    for (const l of this.listeners) l(this.readers());
  }
  insert(index: number): void {
    this.card = index;
    this.emit();
  }
  remove(): void {
    this.card = null;
    this.emit();
  }
  /** The next read fails with this code (e.g. CARD_REMOVED). */
  failNext(code: ErrorCode): void {
    this.failures.push(code);
  }
  async read(
    reader: string,
    key: AccessKeyInput,
    opts: CardReadOptions = {},
  ): Promise<CardReadOutput> {
    this.reads.push(key);
    if (reader !== READER) throw kioskError('CARD_READER_NOT_FOUND', 'x', 'no such reader');
    if (this.card === null) throw kioskError('CARD_NO_CARD', 'x', 'no card');
    const index = this.card;
    this.reading = true;
    this.emit();
    try {
      opts.onProgress?.({ phase: 'authenticate', percent: 10 });
      if (this.gate) await this.gate;
      const failure = this.failures.shift();
      if (failure) throw kioskError(failure, 'x', failure);
      if (this.card !== index) throw kioskError('CARD_REMOVED', 'x', 'card removed');
      if (!keyMatches(index, key)) throw kioskError('CARD_WRONG_KEY', 'x', 'wrong key');
      opts.onProgress?.({ phase: 'identity', percent: 50 });
      const sim = simIdentity(index);
      opts.onIdentity?.(sim.card);
      opts.onProgress?.({ phase: 'photo', percent: 80 });
      // A JPEG 2000 card carries its real codestream: main decodes it for the screen.
      const photo = sim.photo === 'jpeg2000' ? loadSimPhoto(sim) : JPEG;
      opts.onProgress?.({ phase: 'verify', percent: 100 });
      const result: CardReadResult = {
        ...sim.card,
        mrz: 'I<VNM...',
        photo: { format: sim.photo, bytes: photo.length },
        passiveAuthentication: sim.sodTampered
          ? { status: 'invalid', detail: 'DG1 hash differs', failedCheck: 'dg-hash' }
          : this.passiveAuthentication,
        chipAuthentication: this.chipAuthentication,
        stats: { apdus: 20, bytesRead: 3000, ms: 5 },
        idNumberCheck: { consistent: true, problems: [] },
      };
      return { result, photo };
    } finally {
      this.reading = false;
      this.emit();
    }
  }
  async close(): Promise<void> {}
}

export function insuranceResult(
  outcome: InsuranceOutcome = 'insured',
  mayUseInsurance = true,
  code = '000',
  checkedAt = new Date().toISOString(),
): InsuranceResult {
  return {
    code,
    outcome,
    mayUseInsurance,
    message: { vi: 'kết quả', en: 'result' },
    serviceNote: null,
    card: {
      number: 'DN4010123456781',
      holderName: 'X',
      dateOfBirth: null,
      sex: null,
      address: null,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      registeredFacility: { code: '01001', name: null },
      benefitLevel: 4,
      coveragePercent: 80,
      fiveYearsContinuousFrom: null,
      areaCode: null,
      socialInsuranceNumber: null,
    },
    replacement: null,
    history: [
      {
        recordId: '1',
        facilityCode: '01001',
        admittedAt: null,
        dischargedAt: null,
        diagnosis: 'J00',
        status: null,
        result: null,
        reason: null,
      },
    ],
    checkedAt,
  };
}

export type InsuranceMode =
  | { kind: 'answer'; result: (q: InsuranceQuery) => InsuranceResult }
  | { kind: 'down' }
  | { kind: 'hang' }
  | { kind: 'error'; code: ErrorCode };

export class FakeInsurance implements InsuranceService {
  mode: InsuranceMode = { kind: 'answer', result: () => insuranceResult() };
  readonly queries: InsuranceQuery[] = [];
  /** The day each lookup was judged for (undefined: today). */
  readonly days: (string | undefined)[] = [];
  private state: GatewayStatus['state'] = 'online';
  private listeners = new Set<(s: GatewayStatus) => void>();

  /** The officer each lookup carried (undefined: none given, the configured one). */
  readonly officers: (CheckingOfficer | null | undefined)[] = [];
  /** What history() answers: null → not offered (like a service without the call). */
  historyAnswer: (() => Promise<TreatmentHistory>) | null = null;
  /** The answer the last history() call gives (tests wait for it). */
  lastHistory: Promise<TreatmentHistory> | null = null;
  history?: (query: InsuranceQuery, options?: LookupOptions) => Promise<TreatmentHistory> = (
    _query,
    options = {},
  ) => {
    this.officers.push(options.officer);
    this.lastHistory = this.historyAnswer
      ? this.historyAnswer()
      : Promise.resolve({
          status: 'off',
          code: null,
          items: [],
          checkedAt: new Date().toISOString(),
        });
    return this.lastHistory;
  };

  async lookup(query: InsuranceQuery, options: LookupOptions = {}): Promise<InsuranceResult> {
    this.queries.push(query);
    this.officers.push(options.officer);
    this.days.push(options.day);
    const mode = this.mode;
    switch (mode.kind) {
      case 'answer':
        return mode.result(query);
      case 'down':
        throw kioskError('INSURANCE_UNAVAILABLE', 'x', 'down', { retryable: true });
      case 'error':
        throw kioskError(mode.code, 'x', mode.code);
      case 'hang':
        return new Promise((_, reject) => {
          options.signal?.addEventListener('abort', () =>
            reject(kioskError('INSURANCE_CANCELLED', 'x', 'cancelled')),
          );
        });
    }
  }
  status(): GatewayStatus {
    return {
      state: this.state,
      circuit: 'closed',
      lastSuccessAt: null,
      lastFailure: null,
      simulated: true,
    };
  }
  setState(state: GatewayStatus['state']): void {
    this.state = state;
    for (const l of this.listeners) l(this.status());
  }
  onStatus(listener: (s: GatewayStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async close(): Promise<void> {}
}

export class FakePrinter implements SlipPrinter {
  failing = false;
  hang = false;
  readonly printed: Visit[] = [];
  async print(visit: Visit): Promise<PrintOutcome> {
    if (this.hang) return new Promise(() => {});
    if (this.failing) {
      return {
        visitId: visit.id,
        status: 'failed',
        error: { code: 'PRINT_OFFLINE', message: { vi: 'máy in tắt', en: 'printer offline' } },
      };
    }
    this.printed.push(visit);
    return { visitId: visit.id, status: 'printed', error: null };
  }
  async close(): Promise<void> {}
}
