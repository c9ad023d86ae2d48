/**
 * For the calling specs and screenshots: a display-mode and a room-mode host beside the test
 * host's desk (the same services, as on one machine), and waiting visits put straight into the
 * store file, as another station's check-ins would arrive.
 */
import path from 'node:path';
import { createLogger } from '../../../src/main/logging/file-logger';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { simIdentity } from '../../../src/sim/data/identities';
import { startWebHost } from '../../../src/main/web-host/server';
import type { Lane, StationMode } from '../../../src/shared/domain';
import { pendingCheckIn } from '../../unit/store/requests';
import type { TestHost } from './web-host';

export async function serveMode(host: TestHost, mode: StationMode) {
  const web = await startWebHost({
    handlers: host.services.handlers,
    mode,
    events: host.services.events,
    staticDir: path.resolve('out/renderer'),
    logger: createLogger({
      dataDir: host.dataDir,
      level: 'warn',
      maxFileBytes: 1_000_000,
      maxFiles: 1,
      console: false,
    }),
  });
  return { url: `${web.origin}/?mode=${mode}#secret=${web.secret}`, close: () => web.close() };
}

/** People of the simulator's made-up catalog, checked in today for `department`, one per lane. */
export async function seedWaiting(
  host: TestHost,
  lanes: Lane[],
  department = 'KHAM',
): Promise<string[]> {
  const store = openSqliteStore({ file: path.join(host.dataDir, 'kiosk.sqlite') });
  const numbers: string[] = [];
  try {
    for (const [i, lane] of lanes.entries()) {
      const card = simIdentity(i + 1).card;
      const { visit } = await store.checkIn(
        pendingCheckIn(card.idNumber, {
          patient: {
            idNumber: card.idNumber,
            fullName: card.fullName,
            dateOfBirth: card.dateOfBirth,
            sex: card.sex,
          },
          date: hospitalDay(new Date(), 'Asia/Ho_Chi_Minh'),
          department,
          lane,
          createdAt: new Date(Date.now() - (lanes.length - i) * 1000).toISOString(),
          recheck: null,
        }),
      );
      numbers.push(visit.queueNumber);
    }
  } finally {
    await store.close();
  }
  return numbers;
}
