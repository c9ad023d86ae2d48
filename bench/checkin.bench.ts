/**
 * The whole check-in through the orchestrator (single-threaded Node: one core):
 * - typed identity → instant lookup → visit → no-op slip, per second: the flow's own cost
 *   (state machine, cache writes, the check-in transaction with synchronous=FULL);
 * - a chip check-in with the in-process simulated card and the simulated lookup service over
 *   HTTP: milliseconds from the key to "done" (without printing).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KioskConfig } from '../src/main/config/schema';
import { parseConfig } from '../src/main/config/load-config';
import { nullLogger } from '../src/main/logging/logger';
import { createCheckinServices } from '../src/main/checkin/create-checkin-services';
import { createCardReaderService } from '../src/main/card/reader-service';
import { SimulatedReader } from '../src/sim/card/simulated-reader';
import { openInsurance } from '../src/main/open-insurance';
import type { InsuranceService, SlipPrinter } from '../src/main/services-contract';
import { simIdentity, simQrText } from '../src/sim/data/identities';
import { openSqliteStore } from '../src/main/store/sqlite/sqlite-store';
import type { CardReaderService } from '../src/main/services-contract';
import type { Report } from './report';

const noPrinter: SlipPrinter = {
  print: async (visit) => ({ visitId: visit.id, status: 'not-printed', error: null }),
  close: async () => {},
};

function tempStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-checkin-'));
  return openSqliteStore({ file: path.join(dir, 'kiosk.sqlite') });
}

const instantInsurance: InsuranceService = {
  lookup: async () => ({
    code: '000',
    outcome: 'insured',
    mayUseInsurance: true,
    message: { vi: 'Thẻ hợp lệ', en: 'Valid card' },
    serviceNote: null,
    card: null,
    replacement: null,
    history: [],
    checkedAt: new Date().toISOString(),
  }),
  status: () => ({
    state: 'online',
    circuit: 'closed',
    lastSuccessAt: null,
    lastFailure: null,
    simulated: true,
  }),
  onStatus: () => () => {},
  close: async () => {},
};

const noCards: CardReaderService = {
  readers: () => [],
  onReadersChanged: () => () => {},
  read: async () => {
    throw new Error('no reader in this bench');
  },
  close: async () => {},
};

async function typedCheckins(report: Report, config: KioskConfig): Promise<void> {
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const store = tempStore();
    const s = createCheckinServices({
      config,
      logger: nullLogger,
      store,
      cards: noCards,
      insurance: instantInsurance,
      printer: noPrinter,
      background: false,
    });
    const N = 500;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      await s.checkin.manualIdentity({
        idNumber: String(400000000000 + i),
        fullName: 'Người Thử Nghiệm',
        dateOfBirth: '1970-01-01',
        sex: 'F',
      });
      await s.checkin.choose('KHAM', 'normal');
      s.checkin.reset();
    }
    rates.push((N / (performance.now() - t0)) * 1000);
    await s.close();
    await store.close();
  }
  report.samples('typed check-ins per second (instant lookup, no slip, FULL sync)', rates, '/s');
}

async function chipCheckins(report: Report, config: KioskConfig): Promise<void> {
  const simulated = new SimulatedReader({ logger: nullLogger });
  const cards = createCardReaderService({ config: config.reader, logger: nullLogger, simulated });
  const opened = await openInsurance({ config, logger: nullLogger });
  const store = tempStore();
  const s = createCheckinServices({
    config,
    logger: nullLogger,
    store,
    cards,
    insurance: opened.insurance,
    printer: noPrinter,
    readerName: simulated.readerName,
    background: false,
  });
  const ms: number[] = [];
  const departments = config.departments.map((d) => d.code);
  try {
    for (let run = 0; run < 12; run++) {
      const index = 1 + (run % 4);
      simulated.insert(index);
      const t0 = performance.now();
      await s.checkin.provideKey({ kind: 'qr', text: simQrText(simIdentity(index)) });
      await s.checkin.choose(departments[run % departments.length]!, 'normal');
      ms.push(performance.now() - t0);
      s.checkin.reset();
      simulated.remove();
    }
  } finally {
    await s.close();
    await store.close();
    await opened.close();
    await cards.close();
  }
  // The first run includes the gateway login and module loading; it is kept as a sample.
  report.samples(
    'chip check-in, key to done (simulated card + simulated lookup over HTTP)',
    ms,
    'ms',
  );
}

export default async function bench(report: Report): Promise<void> {
  const config = parseConfig({}, 'bench');
  await typedCheckins(report, config);
  await chipCheckins(report, config);
}
