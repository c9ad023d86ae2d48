/**
 * One station as its own process, for tests that need several machines on one store:
 *   node --import tsx station-child.ts '<json StationChildOptions>'
 * Its composition root opens the store the configuration names and builds the real check-in
 * services (fake card reader, lookup and printer), and checks in the given made-up people by typed identity, one
 * after the other. The clock can be pinned (`clock`), and the machine's zone is whatever `TZ`
 * the parent gives it. Prints one JSON line per committed visit, then `done`.
 */
import fs from 'node:fs';
import { createCompositionRoot } from '../../../src/main/composition-root';
import { nullLogger } from '../../../src/main/logging/logger';
import { simIdentity } from '../../../src/sim/data/identities';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { FakeCards, FakeInsurance, FakePrinter, testConfig } from '../../unit/checkin/fakes';

export interface StationChildOptions {
  dataDir: string;
  stationId: string;
  /** Merged into the test configuration's `store` section. */
  store: Record<string, unknown>;
  /** ISO instant the station's clock shows; absent: the real clock. */
  clock?: string;
  /** Simulator identity indexes to check in, in order. */
  people: number[];
  department: string;
}

const o = JSON.parse(process.argv[2]!) as StationChildOptions;
const say = (value: unknown): void => {
  fs.writeSync(1, `${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
};

async function main(): Promise<void> {
  const config = testConfig((c) => {
    c.station.id = o.stationId;
    Object.assign(c.store, o.store);
  });
  const now = (): Date => (o.clock ? new Date(o.clock) : new Date());
  const root = createCompositionRoot({ dataDir: o.dataDir, config, logger: nullLogger, now });
  try {
    const services = await root.checkin({
      cards: new FakeCards(),
      insurance: new FakeInsurance(),
      printer: new FakePrinter(),
      background: false,
    });
    for (const index of o.people) {
      const card = simIdentity(index).card;
      await services.checkin.manualIdentity({
        idNumber: card.idNumber,
        fullName: card.fullName,
        dateOfBirth: card.dateOfBirth!,
        sex: card.sex!,
      });
      const visit = await services.checkin.choose(o.department, 'normal');
      say({
        hospitalDay: hospitalDay(now(), config.hospital.timeZone),
        machineZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        date: visit.date,
        queueNumber: visit.queueNumber,
        stationId: visit.stationId,
      });
      services.checkin.reset();
    }
  } finally {
    await root.close();
  }
  say('done');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
