/**
 * States that come and go before the HIS hears of them - a room's "patient in" then "done" inside
 * one sweep, or while the HIS cannot be reached - still reach it, in order, as the Encounter's
 * statusHistory (R4: the past statuses; the current one is Encounter.status). The receiver is the
 * local FHIR test server.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema, defaultConfig, type KioskConfig } from '../../../src/main/config/schema';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { createHisClient } from '../../../src/main/his/his-client';
import { createHisWorker, type HisWorker } from '../../../src/main/his/his-outbox-worker';
import { nullLogger } from '../../../src/main/logging/logger';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { KioskStore } from '../../../src/main/store/store-contract';
import type { Visit } from '../../../src/shared/domain';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { validateR4 } from '../../support/his/r4-validator';
import { tempDir } from '../../unit/checkin/fakes';

const NOW = new Date(2026, 10, 23, 12, 0, 0);
const minute = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();

let server: FhirTestServer;
let store: KioskStore;
let clock: Date;

beforeEach(async () => {
  server = await startFhirTestServer();
  store = openSqliteStore({ file: `${tempDir('kiosk-his-history-')}/kiosk.sqlite` });
  clock = NOW;
});
afterEach(async () => {
  await store.close();
  await server.close();
});

function configFor(fhirBaseUrl: string): KioskConfig {
  return configSchema.parse({
    ...defaultConfig,
    his: { ...defaultConfig.his, enabled: true, fhirBaseUrl },
  });
}

function worker(config = configFor(server.baseUrl)): HisWorker {
  return createHisWorker({
    store,
    client: createHisClient(config.his),
    config,
    logger: nullLogger,
    now: () => clock,
  });
}

/** A base URL on which nothing listens: the HIS is away. */
async function unreachableUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/fhir`;
}

async function checkIn(): Promise<Visit> {
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
  return visit;
}

/** Room 101 calls the visit, lets the patient in at minute 6 and is done at minute 12. */
async function patientInThenDone(visit: Visit): Promise<void> {
  const room = { room: '101', stationId: 'R1' };
  await store.callNext({
    date: visit.date,
    departments: [visit.department],
    policy: DEFAULT_QUEUE_POLICY,
    at: minute(5),
    ...room,
  });
  await store.roomAction({ visitId: visit.id, action: 'patient-in', at: minute(6), ...room });
  await store.roomAction({ visitId: visit.id, action: 'done', at: minute(12), ...room });
}

function hisEncounter(): Record<string, unknown> {
  const all = server.all('Encounter');
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** The HIS's Encounter: finished now, arrived from check-in and in-progress before, in order. */
function expectFinishedWithItsHistory(visit: Visit): void {
  const e = hisEncounter();
  expect(e.status).toBe('finished');
  expect(e.statusHistory).toEqual([
    expect.objectContaining({
      status: 'arrived',
      period: { start: visit.createdAt, end: minute(6) },
    }),
    expect.objectContaining({
      status: 'in-progress',
      period: { start: minute(6), end: minute(12) },
    }),
  ]);
  expect(validateR4(e as { resourceType: string })).toEqual([]);
}

/** The statuses the HIS stored, one per change (repeats of the same status folded). */
function statusesTheHisStored(): unknown[] {
  const statuses = server.history('Encounter').map((e) => e.status);
  return statuses.filter((s, i) => s !== statuses[i - 1]);
}

describe('states the HIS did not see as they passed reach it as statusHistory', () => {
  it('"patient in" then "done" within one sweep: finished, with arrived and in-progress in order', async () => {
    const visit = await checkIn();
    const w = worker();
    await w.runSoon();
    expect(hisEncounter().status).toBe('arrived');

    await patientInThenDone(visit);
    await w.runSoon();

    // The HIS never held in-progress as the status: only the history tells it.
    expect(statusesTheHisStored()).toEqual(['arrived', 'finished']);
    expectFinishedWithItsHistory(visit);
    expect(await store.hisOutbox.counts()).toEqual({ waiting: 0, refused: 0, sent: 1 });
  });

  it('the HIS unreachable while the states pass, then back: the same history, in order', async () => {
    const visit = await checkIn();
    await worker().runSoon();
    expect(hisEncounter().status).toBe('arrived');

    const away = worker(configFor(await unreachableUrl()));
    const room = { room: '101', stationId: 'R1' };
    await store.callNext({
      date: visit.date,
      departments: [visit.department],
      policy: DEFAULT_QUEUE_POLICY,
      at: minute(5),
      ...room,
    });
    await store.roomAction({ visitId: visit.id, action: 'patient-in', at: minute(6), ...room });
    // Each change is swept and tried, and deferred: nothing reaches the HIS.
    await away.sweep();
    expect((await away.runOnce()).deferred).toBe(1);
    await store.roomAction({ visitId: visit.id, action: 'done', at: minute(12), ...room });
    await away.sweep();
    expect((await away.runOnce({ visitId: visit.id })).deferred).toBe(1);
    expect(hisEncounter().status).toBe('arrived');
    expect(await store.hisOutbox.counts()).toMatchObject({ waiting: 1 });

    // Back, once the retry is due.
    clock = new Date(NOW.getTime() + 60 * 60_000);
    await worker().runSoon();

    expect(statusesTheHisStored()).toEqual(['arrived', 'finished']);
    expectFinishedWithItsHistory(visit);
    expect(await store.hisOutbox.counts()).toEqual({ waiting: 0, refused: 0, sent: 1 });
  });

  it('a visit cancelled after its call reaches the HIS as cancelled, arrived until the cancellation', async () => {
    const visit = await checkIn();
    const w = worker();
    await w.runSoon();
    await store.callNext({
      date: visit.date,
      departments: [visit.department],
      policy: DEFAULT_QUEUE_POLICY,
      room: '101',
      stationId: 'R1',
      at: minute(5),
    });
    await store.cancelVisit(visit.id, 'test', minute(8));
    await w.runSoon();
    const e = hisEncounter();
    expect(e.status).toBe('cancelled');
    expect(e.statusHistory).toEqual([
      expect.objectContaining({
        status: 'arrived',
        period: { start: visit.createdAt, end: minute(8) },
      }),
    ]);
  });
});
