import path from 'node:path';
import type { CheckingOfficer, CheckinState } from '../../../src/shared/domain';
import type { KioskConfig } from '../../../src/main/config/schema';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import {
  createCheckinServices,
  type CheckinServices,
} from '../../../src/main/checkin/create-checkin-services';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { FakeCards, FakeInsurance, FakePrinter, READER, tempDir, testConfig } from './fakes';

export interface Harness extends CheckinServices {
  config: KioskConfig;
  store: SqliteStore;
  cards: FakeCards;
  insurance: FakeInsurance;
  printer: FakePrinter;
  states: CheckinState[];
  logLines: string[];
  clock: { now: Date };
  waitFor(step: CheckinState['step'], timeoutMs?: number): Promise<CheckinState>;
  shutdown(): Promise<void>;
}

export function createHarness(
  o: {
    config?: (c: KioskConfig) => void;
    store?: (s: SqliteStore) => KioskStore;
    now?: Date;
    idleTimeoutMs?: number | null;
    officer?: () => CheckingOfficer | null;
  } = {},
): Harness {
  const dir = tempDir('kiosk-checkin-');
  const config = testConfig(o.config);
  const store = openSqliteStore({ file: path.join(dir, 'kiosk.sqlite') });
  const cards = new FakeCards();
  const insurance = new FakeInsurance();
  const printer = new FakePrinter();
  const { logger, lines } = createMemoryLogger('debug');
  const clock = { now: o.now ?? new Date() };
  const services = createCheckinServices({
    config,
    logger,
    store: o.store ? o.store(store) : store,
    cards,
    insurance,
    printer,
    now: () => new Date(clock.now),
    readerName: READER,
    background: false,
    cardRemovedHoldMs: 30,
    idleTimeoutMs: o.idleTimeoutMs ?? null,
    ...(o.officer ? { officer: o.officer } : {}),
  });
  const states: CheckinState[] = [];
  services.checkin.onState((s) => states.push(s));
  return {
    ...services,
    config,
    store,
    cards,
    insurance,
    printer,
    states,
    logLines: lines,
    clock,
    async waitFor(step, timeoutMs = 3000) {
      const started = Date.now();
      while (services.checkin.current().step !== step) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(
            `state stayed ${JSON.stringify(services.checkin.current())}, wanted ${step}`,
          );
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return services.checkin.current();
    },
    async shutdown() {
      await services.close();
      await store.close();
    },
  };
}

export function expectStep<S extends CheckinState['step']>(
  state: CheckinState,
  step: S,
): Extract<CheckinState, { step: S }> {
  if (state.step !== step) throw new Error(`expected ${step}, got ${JSON.stringify(state)}`);
  return state as Extract<CheckinState, { step: S }>;
}
