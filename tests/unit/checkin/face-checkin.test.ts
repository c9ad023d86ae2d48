/**
 * The face check inside the check-in (checkin.faceResult): main decides from the report, a
 * no-match stops the kiosk like an unverified chip, and the visit keeps only the decision.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keyFor } from './fakes';
import { createHarness, expectStep, type Harness } from './harness';
import type { FacePolicy } from '../../../src/shared/domain';

const model = { name: 'human-faceres', version: '3.3.6' };

let h: Harness;
afterEach(async () => {
  await h?.shutdown();
});

async function toChoice(policy: FacePolicy = 'optional', mode: 'kiosk' | 'desk' = 'kiosk') {
  h = createHarness({
    config: (c) => {
      c.face.policy = policy;
      c.face.threshold = 0.6;
      c.station.mode = mode;
    },
  });
  h.cards.insert(1);
  await h.checkin.provideKey(keyFor(1));
  return expectStep(h.checkin.current(), 'choose-department');
}

describe('the face check in the check-in', () => {
  it('a live match lets the kiosk go on; the visit keeps score, threshold, liveness and model', async () => {
    await toChoice();
    const decided = await h.checkin.faceResult({
      outcome: 'compared',
      score: 0.82,
      liveness: 'live',
      model,
    });
    expect(decided.decision).toBe('match');
    expect(expectStep(h.checkin.current(), 'choose-department').needsStaff).toBeNull();
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.faceVerification).toEqual({
      decision: 'match',
      score: 0.82,
      threshold: 0.6,
      liveness: 'live',
      model: 'human-faceres@3.3.6',
    });
    expect((await h.store.getVisit(visit.id))!.faceVerification).toEqual(visit.faceVerification);
  });

  it('no match puts the staff notice on the kiosk and refuses the number, like an unverified chip', async () => {
    await toChoice();
    await h.checkin.faceResult({ outcome: 'compared', score: 0.3, liveness: 'live', model });
    const state = expectStep(h.checkin.current(), 'choose-department');
    expect(state.needsStaff?.code).toBe('CHECKIN_FACE_NO_MATCH');
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_NEEDS_STAFF',
    });
  });

  it('one report per person: a second try is refused after a no-match', async () => {
    await toChoice();
    await h.checkin.faceResult({ outcome: 'no-face', liveness: 'not-checked', model });
    await expect(
      h.checkin.faceResult({ outcome: 'compared', score: 0.99, liveness: 'live', model }),
    ).rejects.toMatchObject({ code: 'CHECKIN_WRONG_STEP' });
    expect(expectStep(h.checkin.current(), 'choose-department').needsStaff?.code).toBe(
      'CHECKIN_FACE_NOT_SEEN',
    );
  });

  it('"No, skip" under optional goes on; the visit records "declined" with no score', async () => {
    await toChoice('optional');
    await h.checkin.faceResult({ outcome: 'declined' });
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.faceVerification).toEqual({
      decision: 'declined',
      score: null,
      threshold: null,
      liveness: 'not-checked',
      model: null,
    });
  });

  it('under required, a kiosk cannot take a number without reporting the face check', async () => {
    await toChoice('required');
    await expect(h.checkin.choose('KHAM', 'normal')).rejects.toMatchObject({
      code: 'CHECKIN_FACE_REQUIRED',
    });
    await h.checkin.faceResult({ outcome: 'declined' });
    expect(expectStep(h.checkin.current(), 'choose-department').needsStaff?.code).toBe(
      'CHECKIN_FACE_REQUIRED',
    );
  });

  it('with the policy off the report is refused and the chip visit says not attempted', async () => {
    await toChoice('off');
    await expect(h.checkin.faceResult({ outcome: 'declined' })).rejects.toMatchObject({
      code: 'CHECKIN_FACE_NOT_ASKED',
    });
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.faceVerification?.decision).toBe('not-attempted');
  });

  it('a desk without face.atDesk does not run the check', async () => {
    await toChoice('optional', 'desk');
    await expect(h.checkin.faceResult({ outcome: 'declined' })).rejects.toMatchObject({
      code: 'CHECKIN_FACE_NOT_ASKED',
    });
  });

  it('a report outside the department choice is refused', async () => {
    h = createHarness();
    await expect(h.checkin.faceResult({ outcome: 'declined' })).rejects.toMatchObject({
      code: 'CHECKIN_WRONG_STEP',
    });
  });
});
