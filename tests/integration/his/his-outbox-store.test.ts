/**
 * The HIS outbox and the failed-lookup evidence as stores, on each engine: which visits become
 * due, leases, what an acceptance, a retry or a refusal leaves behind, staff resend; evidence
 * recorded, completed by the re-check and read back by day.
 */
import { describe, expect, it } from 'vitest';
import type { FailedLookupEvidence } from '../../../src/main/evidence/failed-lookup';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { pendingCheckIn, TEST_DAY } from '../../unit/store/requests';
import { ENGINES, useEngine } from '../support/calling-his-engines';

const T = (m: number) => new Date(Date.UTC(2026, 10, 23, 3, m)).toISOString();

describe.each(ENGINES)('HIS outbox and lookup evidence on %s', (kind) => {
  const { skip, current } = useEngine(kind);
  const store = (): KioskStore => current().store;
  let n = 0;

  async function visit(day = TEST_DAY) {
    n += 1;
    const id = `0020${String(n).padStart(8, '0')}`;
    return (await store().checkIn(pendingCheckIn(id, { date: day }))).visit;
  }

  it.skipIf(skip)('a new or changed visit becomes due; an unchanged one does not', async () => {
    const a = await visit();
    const b = await visit();
    const h = store().hisOutbox;
    expect(
      await h.track(
        [
          { visitId: a.id, bundleHash: 'a1' },
          { visitId: b.id, bundleHash: 'b1' },
        ],
        T(0),
      ),
    ).toBe(2);
    expect(await h.track([{ visitId: a.id, bundleHash: 'a1' }], T(1))).toBe(0);
    expect(await h.get(a.id)).toMatchObject({
      state: 'pending',
      bundleHash: 'a1',
      sentHash: null,
      attempts: 0,
      nextAttemptAt: T(0),
      updatedAt: T(0),
    });
    expect(await h.get('no-such-visit')).toBeNull();
    expect(await h.counts()).toEqual({ waiting: 2, refused: 0, sent: 0 });
  });

  it.skipIf(skip)(
    'a claim leases due items; the lease hides them from the next claim',
    async () => {
      const a = await visit();
      const b = await visit();
      const h = store().hisOutbox;
      await h.track([{ visitId: a.id, bundleHash: 'a1' }], T(0));
      await h.track([{ visitId: b.id, bundleHash: 'b1' }], T(1));
      const first = await h.claim({ now: T(1), leaseUntil: T(5), limit: 10 });
      expect(first.map((i) => i.visitId)).toEqual([a.id, b.id]);
      expect(first[0]!.nextAttemptAt).toBe(T(0));
      expect(await h.claim({ now: T(2), leaseUntil: T(6), limit: 10 })).toEqual([]);
      expect((await h.get(a.id))!.nextAttemptAt).toBe(T(5));
      // After the lease, at most `limit` items; naming a visit picks it regardless of schedule.
      expect(await h.claim({ now: T(5), leaseUntil: T(9), limit: 1 })).toHaveLength(1);
      const named = await h.claim({ now: T(5), leaseUntil: T(9), limit: 1, visitId: b.id });
      expect(named.map((i) => i.visitId)).toEqual([b.id]);
    },
  );

  it.skipIf(skip)(
    'accepted: sent, unless the visit changed meanwhile; changing back sends nothing',
    async () => {
      const a = await visit();
      const h = store().hisOutbox;
      await h.track([{ visitId: a.id, bundleHash: 'a1' }], T(0));
      await h.markSent(a.id, 'a1', 201, T(1));
      expect(await h.get(a.id)).toMatchObject({
        state: 'sent',
        sentHash: 'a1',
        lastStatus: 201,
        sentAt: T(1),
      });
      expect(await h.counts()).toEqual({ waiting: 0, refused: 0, sent: 1 });
      // Changed while the accepted bundle was on its way: stays pending.
      await h.track([{ visitId: a.id, bundleHash: 'a2' }], T(2));
      await h.markSent(a.id, 'a1', 200, T(3));
      expect(await h.get(a.id)).toMatchObject({ state: 'pending', bundleHash: 'a2' });
      // Changed back to what the HIS has: nothing due.
      expect(await h.track([{ visitId: a.id, bundleHash: 'a1' }], T(4))).toBe(0);
      expect((await h.get(a.id))!.state).toBe('sent');
    },
  );

  it.skipIf(skip)('a linked appointment is kept, and the next acceptance is current', async () => {
    const a = await visit();
    const h = store().hisOutbox;
    await h.linkAppointment(a.id, 'appt-1', T(0));
    expect(await h.get(a.id)).toMatchObject({ appointmentId: 'appt-1', bundleHash: '' });
    await h.markSent(a.id, 'a1', 201, T(1));
    expect(await h.get(a.id)).toMatchObject({ state: 'sent', bundleHash: 'a1' });
    await h.linkAppointment(a.id, 'appt-2', T(2));
    expect((await h.get(a.id))!.appointmentId).toBe('appt-2');
  });

  it.skipIf(skip)(
    'deferred counts attempts; refused stays visible until staff resend it',
    async () => {
      const a = await visit();
      const h = store().hisOutbox;
      await h.track([{ visitId: a.id, bundleHash: 'a1' }], T(0));
      await h.markDeferred(a.id, T(10), 503, 'HTTP 503', T(1));
      expect(await h.get(a.id)).toMatchObject({
        state: 'pending',
        attempts: 1,
        nextAttemptAt: T(10),
        lastStatus: 503,
        lastError: 'HTTP 503',
      });
      await h.markRefused(a.id, 422, 'Department code unknown', T(2));
      expect(await h.refusals()).toEqual([
        {
          visitId: a.id,
          queueNumber: a.queueNumber,
          date: TEST_DAY,
          status: 422,
          text: 'Department code unknown',
          at: T(2),
        },
      ]);
      // Deferring a refused item does not bring it back.
      await h.markDeferred(a.id, T(20), null, 'timeout', T(3));
      expect(await h.get(a.id)).toMatchObject({ state: 'refused', attempts: 2 });
      expect(await h.claim({ now: T(30), leaseUntil: T(31), limit: 10 })).toEqual([]);
      expect(await h.resend(a.id, T(4))).toBe(true);
      expect(await h.resend('no-such-visit', T(4))).toBe(false);
      expect(await h.refusals()).toEqual([]);
      expect(await h.get(a.id)).toMatchObject({ state: 'pending', attempts: 0 });
      expect(await h.counts()).toEqual({ waiting: 1, refused: 0, sent: 0 });
    },
  );

  const evidence = (askedAt: string): FailedLookupEvidence => ({
    askedAt,
    query: { idNumber: '001099000123', fullName: 'Người Thử', dateOfBirth: '1970-01-01' },
    endpoint: 'http://bhxh.test/api/egw/KQNhanLichSuKCB2024',
    failure: 'no-answer',
    httpStatus: null,
    errorCode: 'INSURANCE_TIMEOUT',
    durationMs: 1500,
  });

  it.skipIf(skip)(
    'evidence: recorded, completed by the re-check once, read back by day',
    async () => {
      const a = await visit();
      const b = await visit('2026-11-24');
      const ev = store().lookupEvidence;
      await ev.record(a.id, evidence(T(2)));
      await ev.record(a.id, { ...evidence(T(1)), failure: 'retry-later-answer', httpStatus: 200 });
      await ev.record(b.id, evidence(T(3)));
      await ev.recordRecheck(a.id, { at: T(9), code: '000', outcome: 'insured' });
      // A second answer does not overwrite the first on records already completed.
      await ev.recordRecheck(a.id, { at: T(10), code: '001', outcome: 'x' });
      const day = await ev.between(TEST_DAY, TEST_DAY);
      expect(day.map((r) => r.askedAt)).toEqual([T(1), T(2)]);
      expect(day[1]).toEqual({
        id: expect.any(Number),
        visitId: a.id,
        queueNumber: a.queueNumber,
        ...evidence(T(2)),
        recheck: { at: T(9), code: '000', outcome: 'insured' },
      });
      expect(await ev.count(TEST_DAY, TEST_DAY)).toBe(2);
      expect(await ev.count(TEST_DAY, '2026-11-24')).toBe(3);
      expect(await ev.count('2026-11-25', '2026-11-30')).toBe(0);
      expect((await ev.between('2026-11-24', '2026-11-24'))[0]!.recheck).toBeNull();
    },
  );
});
