/**
 * Calling patients in, on each engine: the queue policy's order, the progress steps with their
 * events, typed refusals, recent calls and waiting counts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import type { KioskStore, RoomActionRequest } from '../../../src/main/store/store-contract';
import type { Lane } from '../../../src/shared/domain';
import { pendingCheckIn, TEST_DAY } from '../../unit/store/requests';
import { ENGINES, useEngine } from '../support/calling-his-engines';

describe.each(ENGINES)('calling on %s', (kind) => {
  const { skip, current } = useEngine(kind);
  const store = (): KioskStore => current().store;
  let n = 0;

  async function checkIn(lane: Lane, department = 'KHAM') {
    n += 1;
    const id = `0010${String(n).padStart(8, '0')}`;
    const r = await store().checkIn(
      pendingCheckIn(id, {
        lane,
        department,
        createdAt: new Date(Date.UTC(2026, 10, 23, 1, 0, n)).toISOString(),
      }),
    );
    return r.visit;
  }

  const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 2, 0, s)).toISOString();
  const callNext = (room = '101', departments = ['KHAM'], s = 0) =>
    store().callNext({
      date: TEST_DAY,
      room,
      departments,
      stationId: 'K01',
      at: at(s),
      policy: DEFAULT_QUEUE_POLICY,
    });
  const act = (visitId: string, action: RoomActionRequest['action'], room = '101') =>
    store().roomAction({ visitId, action, room, stationId: 'K01', at: at(30) });

  it.skipIf(skip)(
    'a new visit is waiting; call next follows the policy and stores room, time and count',
    async () => {
      const n1 = await checkIn('normal');
      const n2 = await checkIn('normal');
      const p1 = await checkIn('elderly');
      expect((await store().getVisit(n1.id))?.progress).toEqual({
        state: 'waiting',
        room: null,
        at: null,
        calls: 0,
      });
      const first = await callNext('101', ['KHAM'], 1);
      expect(first?.id).toBe(p1.id);
      expect(first?.progress).toEqual({ state: 'called', room: '101', at: at(1), calls: 1 });
      expect((await callNext('101', ['KHAM'], 2))?.id).toBe(n1.id);
      expect((await callNext('101', ['KHAM'], 3))?.id).toBe(n2.id);
      expect(await callNext('101', ['KHAM'], 4)).toBeNull();
    },
  );

  it.skipIf(skip)('calls only the given departments', async () => {
    await checkIn('normal', 'NHI');
    expect(await callNext('101', ['KHAM'])).toBeNull();
    expect((await callNext('205', ['NHI']))?.department).toBe('NHI');
  });

  it.skipIf(skip)('walks called → in-room → done, with call again counting the calls', async () => {
    const v = await checkIn('normal');
    await callNext();
    const again = await act(v.id, 'call-again');
    expect(again).toMatchObject({
      announces: true,
      visit: { progress: { state: 'called', calls: 2 } },
    });
    expect((await act(v.id, 'patient-in')).visit.progress?.state).toBe('in-room');
    const done = await act(v.id, 'done');
    expect(done.visit.progress).toMatchObject({ state: 'done', room: '101', at: at(30) });
    const events = await current().progressEvents(v.id);
    expect(events).toEqual([
      { state: 'called', action: 'call-next', room: '101' },
      { state: 'called', action: 'call-again', room: '101' },
      { state: 'in-room', action: 'patient-in', room: '101' },
      { state: 'done', action: 'done', room: '101' },
    ]);
  });

  it.skipIf(skip)('a skipped patient may be recalled, and is not called by call next', async () => {
    const v = await checkIn('normal');
    await callNext();
    expect((await act(v.id, 'skip')).visit.progress?.state).toBe('skipped');
    expect(await callNext()).toBeNull();
    const back = await act(v.id, 'recall', '101');
    expect(back).toMatchObject({
      announces: true,
      visit: { progress: { state: 'called', calls: 2 } },
    });
  });

  it.skipIf(skip)(
    'refuses changes that do not follow the progress, with typed errors',
    async () => {
      const v = await checkIn('normal');
      await expect(act(v.id, 'done')).rejects.toMatchObject({ code: 'QUEUE_TRANSITION_INVALID' });
      await callNext();
      await expect(act(v.id, 'patient-in', '205')).rejects.toMatchObject({
        code: 'QUEUE_OTHER_ROOM',
      });
      await expect(act('no-such-visit', 'skip')).rejects.toMatchObject({
        code: 'QUEUE_VISIT_NOT_FOUND',
      });
      // Nothing was half-written by the refusals.
      expect((await store().getVisit(v.id))?.progress).toMatchObject({ state: 'called', calls: 1 });
    },
  );

  it.skipIf(skip)(
    "the store reads a visit's progress changes back in order, its cancellation with its time, once",
    async () => {
      const v = await checkIn('normal');
      expect(await store().progressChanges(v.id)).toEqual([]);
      await callNext('101', ['KHAM'], 1);
      await act(v.id, 'skip');
      await act(v.id, 'recall');
      await store().cancelVisit(v.id, 'test', at(40));
      // Cancelling again changes nothing, and records nothing.
      await store().cancelVisit(v.id, 'again', at(50));
      expect(await store().progressChanges(v.id)).toEqual([
        { state: 'called', at: at(1) },
        { state: 'skipped', at: at(30) },
        { state: 'called', at: at(30) },
        { state: 'cancelled', at: at(40) },
      ]);
      expect((await current().progressEvents(v.id)).at(-1)).toEqual({
        state: 'cancelled',
        action: 'cancel',
        room: '',
      });
      expect(await store().progressChanges('no-such-visit')).toEqual([]);
    },
  );

  it.skipIf(skip)('a cancelled visit is shown as cancelled and never called', async () => {
    const v = await checkIn('normal');
    await store().cancelVisit(v.id, 'test', at(0));
    expect((await store().getVisit(v.id))?.progress?.state).toBe('cancelled');
    expect(await callNext()).toBeNull();
  });

  it.skipIf(skip)(
    'recent calls are newest first, call again included; waiting counts per department',
    async () => {
      const a = await checkIn('normal');
      const b = await checkIn('normal');
      await checkIn('normal');
      await checkIn('child', 'NHI');
      await callNext('101', ['KHAM'], 1);
      await callNext('101', ['KHAM'], 2);
      await act(a.id, 'call-again');
      const recent = await store().recentCalls({ date: TEST_DAY, rooms: ['101'], limit: 10 });
      expect(recent.map((r) => r.visit.id)).toEqual([a.id, b.id, a.id]);
      expect(await store().waitingCounts(TEST_DAY, ['KHAM', 'NHI', 'SAN'])).toEqual({
        KHAM: 1,
        NHI: 1,
        SAN: 0,
      });
    },
  );
});
