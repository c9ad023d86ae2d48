/**
 * A room's quick "patient in" then "done": the HIS sees the Encounter in-progress, then finished,
 * in that order, even when the second change comes while the first is being sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema, defaultConfig, type KioskConfig } from '../../../src/main/config/schema';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { createHisClient } from '../../../src/main/his/his-client';
import { createHisWorker } from '../../../src/main/his/his-outbox-worker';
import { nullLogger } from '../../../src/main/logging/logger';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { tempDir } from '../../unit/checkin/fakes';

const NOW = new Date(2026, 10, 23, 12, 0, 0);

let server: FhirTestServer;
let store: KioskStore;
let config: KioskConfig;

beforeEach(async () => {
  server = await startFhirTestServer();
  store = openSqliteStore({ file: `${tempDir('kiosk-his-order-')}/kiosk.sqlite` });
  config = configSchema.parse({
    ...defaultConfig,
    his: { ...defaultConfig.his, enabled: true, fhirBaseUrl: server.baseUrl },
  });
});
afterEach(async () => {
  await store.close();
  await server.close();
});

describe('room progress reaches the HIS state by state', () => {
  it('"done" asked for while "patient in" is being sent goes out after it', async () => {
    const v = sampleVisit(1);
    const { visit } = await store.checkIn({
      date: v.date,
      stationId: v.stationId,
      department: v.department,
      lane: v.lane,
      patient: v.patient,
      identitySource: v.identitySource,
      insurance: v.insurance,
      createdAt: v.createdAt,
      recheck: null,
    });
    const w = createHisWorker({
      store,
      client: createHisClient(config.his),
      config,
      logger: nullLogger,
      now: () => NOW,
    });
    await w.runSoon();
    const at = NOW.toISOString();
    const room = { room: '101', stationId: 'R1', at };
    await store.callNext({
      date: v.date,
      departments: [v.department],
      policy: DEFAULT_QUEUE_POLICY,
      ...room,
    });
    await store.roomAction({ visitId: visit.id, action: 'patient-in', ...room });

    // The pass for "patient in" is on the wire, unanswered ...
    const held = server.hold();
    const first = w.runSoon();
    await held.arrived;
    // ... when the room presses "done", which asks for a pass too.
    await store.roomAction({ visitId: visit.id, action: 'done', ...room });
    const second = w.runSoon();
    held.release();
    await Promise.all([first, second]);

    const statuses = server.history('Encounter').map((e) => e.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual([
      'arrived',
      'in-progress',
      'finished',
    ]);
    expect(await store.hisOutbox.counts()).toEqual({ waiting: 0, refused: 0, sent: 1 });
  });
});
