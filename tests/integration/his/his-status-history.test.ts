/**
 * States that come and go before the HIS hears of them - a room's "patient in" then "done" inside
 * one sweep, or while the HIS cannot be reached - still reach it, in order, as the Encounter's
 * statusHistory (R4: the past statuses; the current one is Encounter.status). The receiver is the
 * local FHIR test server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import type { Visit } from '../../../src/shared/domain';
import { validateR4 } from '../../support/his/r4-validator';
import {
  HIS_NOW,
  hisConfig,
  openHisTestbed,
  sampleCheckIn,
  unreachableHisUrl,
  type HisTestbed,
} from './his-testbed';

const minute = (m: number) => new Date(HIS_NOW.getTime() + m * 60_000).toISOString();

let bed: HisTestbed;
beforeEach(async () => {
  bed = await openHisTestbed('history');
});
afterEach(() => bed.close());

async function checkIn(): Promise<Visit> {
  return (await bed.store.checkIn(sampleCheckIn(1))).visit;
}

/** Room 101 calls the visit, lets the patient in at minute 6 and is done at minute 12. */
async function patientInThenDone(visit: Visit): Promise<void> {
  const room = { room: '101', stationId: 'R1' };
  await bed.store.callNext({
    date: visit.date,
    departments: [visit.department],
    policy: DEFAULT_QUEUE_POLICY,
    at: minute(5),
    ...room,
  });
  await bed.store.roomAction({ visitId: visit.id, action: 'patient-in', at: minute(6), ...room });
  await bed.store.roomAction({ visitId: visit.id, action: 'done', at: minute(12), ...room });
}

function hisEncounter(): Record<string, unknown> {
  const all = bed.server.all('Encounter');
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
  const statuses = bed.server.history('Encounter').map((e) => e.status);
  return statuses.filter((s, i) => s !== statuses[i - 1]);
}

describe('states the HIS did not see as they passed reach it as statusHistory', () => {
  it('"patient in" then "done" within one sweep: finished, with arrived and in-progress in order', async () => {
    const visit = await checkIn();
    const w = bed.worker();
    await w.runSoon();
    expect(hisEncounter().status).toBe('arrived');

    await patientInThenDone(visit);
    await w.runSoon();

    // The HIS never held in-progress as the status: only the history tells it.
    expect(statusesTheHisStored()).toEqual(['arrived', 'finished']);
    expectFinishedWithItsHistory(visit);
    expect(await bed.store.hisOutbox.counts()).toEqual({ waiting: 0, refused: 0, sent: 1 });
  });

  it('the HIS unreachable while the states pass, then back: the same history, in order', async () => {
    const visit = await checkIn();
    await bed.worker().runSoon();
    expect(hisEncounter().status).toBe('arrived');

    const away = bed.worker(hisConfig(await unreachableHisUrl()));
    const room = { room: '101', stationId: 'R1' };
    await bed.store.callNext({
      date: visit.date,
      departments: [visit.department],
      policy: DEFAULT_QUEUE_POLICY,
      at: minute(5),
      ...room,
    });
    await bed.store.roomAction({ visitId: visit.id, action: 'patient-in', at: minute(6), ...room });
    // Each change is swept and tried, and deferred: nothing reaches the HIS.
    await away.sweep();
    expect((await away.runOnce()).deferred).toBe(1);
    await bed.store.roomAction({ visitId: visit.id, action: 'done', at: minute(12), ...room });
    await away.sweep();
    expect((await away.runOnce({ visitId: visit.id })).deferred).toBe(1);
    expect(hisEncounter().status).toBe('arrived');
    expect(await bed.store.hisOutbox.counts()).toMatchObject({ waiting: 1 });

    // Back, once the retry is due.
    bed.clock = new Date(HIS_NOW.getTime() + 60 * 60_000);
    await bed.worker().runSoon();

    expect(statusesTheHisStored()).toEqual(['arrived', 'finished']);
    expectFinishedWithItsHistory(visit);
    expect(await bed.store.hisOutbox.counts()).toEqual({ waiting: 0, refused: 0, sent: 1 });
  });

  it('a visit cancelled after its call reaches the HIS as cancelled, arrived until the cancellation', async () => {
    const visit = await checkIn();
    const w = bed.worker();
    await w.runSoon();
    await bed.store.callNext({
      date: visit.date,
      departments: [visit.department],
      policy: DEFAULT_QUEUE_POLICY,
      room: '101',
      stationId: 'R1',
      at: minute(5),
    });
    await bed.store.cancelVisit(visit.id, 'test', minute(8));
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
