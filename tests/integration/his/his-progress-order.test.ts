/**
 * A room's quick "patient in" then "done": the HIS sees the Encounter in-progress, then finished,
 * in that order, even when the second change comes while the first is being sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { HIS_NOW, openHisTestbed, sampleCheckIn, type HisTestbed } from './his-testbed';

let bed: HisTestbed;
beforeEach(async () => {
  bed = await openHisTestbed('order');
});
afterEach(() => bed.close());

describe('room progress reaches the HIS state by state', () => {
  it('"done" asked for while "patient in" is being sent goes out after it', async () => {
    const v = sampleCheckIn(1);
    const { visit } = await bed.store.checkIn(v);
    const w = bed.worker();
    await w.runSoon();
    const at = HIS_NOW.toISOString();
    const room = { room: '101', stationId: 'R1', at };
    await bed.store.callNext({
      date: v.date,
      departments: [v.department],
      policy: DEFAULT_QUEUE_POLICY,
      ...room,
    });
    await bed.store.roomAction({ visitId: visit.id, action: 'patient-in', ...room });

    // The pass for "patient in" is on the wire, unanswered ...
    const held = bed.server.hold();
    const first = w.runSoon();
    await held.arrived;
    // ... when the room presses "done", which asks for a pass too.
    await bed.store.roomAction({ visitId: visit.id, action: 'done', ...room });
    const second = w.runSoon();
    held.release();
    await Promise.all([first, second]);

    const statuses = bed.server.history('Encounter').map((e) => e.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual([
      'arrived',
      'in-progress',
      'finished',
    ]);
    expect(await bed.store.hisOutbox.counts()).toEqual({ waiting: 0, refused: 0, sent: 1 });
  });
});
