/** The face check's decision rules (src/main/domain/face-decision.ts). */
import { describe, expect, it } from 'vitest';
import {
  decideFace,
  faceCheckApplies,
  faceVerificationOf,
  missingFaceCheck,
  type FaceRules,
} from '../../../src/main/domain/face-decision';
import type { FaceCheckReport } from '../../../src/shared/domain';

const model = { name: 'human-faceres', version: '3.3.6' };
const kiosk = (policy: FaceRules['policy']): FaceRules => ({
  policy,
  threshold: 0.6,
  mode: 'kiosk',
});
const compared = (
  score: number,
  liveness: 'live' | 'not-live' | 'not-checked' = 'live',
): FaceCheckReport => ({
  outcome: 'compared',
  score,
  liveness,
  model,
});

describe('the score against the threshold', () => {
  it('a live face at the threshold matches; just below it does not, and staff decide', () => {
    const at = decideFace(compared(0.6), kiosk('optional'));
    expect(at.verification).toEqual({
      decision: 'match',
      score: 0.6,
      threshold: 0.6,
      liveness: 'live',
      model: 'human-faceres@3.3.6',
    });
    expect(at.needsStaff).toBeNull();
    const below = decideFace(compared(0.5999), kiosk('optional'));
    expect(below.verification.decision).toBe('no-match');
    expect(below.needsStaff?.code).toBe('CHECKIN_FACE_NO_MATCH');
    expect(below.needsStaff?.detail).toBe('below-threshold');
  });

  it('the configured threshold is the one used', () => {
    const strict = decideFace(compared(0.7), { ...kiosk('optional'), threshold: 0.8 });
    expect(strict.verification.decision).toBe('no-match');
    expect(strict.verification.threshold).toBe(0.8);
  });
});

describe('liveness gates the match', () => {
  it('a high score from a face that is not live (a photo, a screen) is no match, staff decide', () => {
    const spoof = decideFace(compared(0.95, 'not-live'), kiosk('optional'));
    expect(spoof.verification.decision).toBe('no-match');
    expect(spoof.verification.liveness).toBe('not-live');
    expect(spoof.needsStaff?.code).toBe('CHECKIN_FACE_NO_MATCH');
    expect(spoof.needsStaff?.detail).toBe('liveness-not-live');
  });

  it('a comparison whose liveness was never checked cannot match either', () => {
    expect(decideFace(compared(0.95, 'not-checked'), kiosk('optional')).verification.decision).toBe(
      'no-match',
    );
  });
});

describe('no face, declined, unavailable', () => {
  it('no face goes to staff under every policy, like an unverified chip', () => {
    for (const policy of ['optional', 'required'] as const) {
      const out = decideFace({ outcome: 'no-face', liveness: 'not-checked', model }, kiosk(policy));
      expect(out.verification.decision).toBe('no-face');
      expect(out.verification.score).toBeNull();
      expect(out.needsStaff?.code).toBe('CHECKIN_FACE_NOT_SEEN');
    }
  });

  it('"No, skip" goes on without the check when optional, and to staff when required', () => {
    const optional = decideFace({ outcome: 'declined' }, kiosk('optional'));
    expect(optional.verification).toEqual({
      decision: 'declined',
      score: null,
      threshold: null,
      liveness: 'not-checked',
      model: null,
    });
    expect(optional.needsStaff).toBeNull();
    const required = decideFace({ outcome: 'declined' }, kiosk('required'));
    expect(required.verification.decision).toBe('declined');
    expect(required.needsStaff?.code).toBe('CHECKIN_FACE_REQUIRED');
  });

  it('a check that could not run is not attempted; staff only when required', () => {
    const optional = decideFace({ outcome: 'unavailable', reason: 'no-camera' }, kiosk('optional'));
    expect(optional.verification.decision).toBe('not-attempted');
    expect(optional.needsStaff).toBeNull();
    const required = decideFace({ outcome: 'unavailable', reason: 'no-camera' }, kiosk('required'));
    expect(required.needsStaff?.detail).toBe('unavailable-no-camera');
  });

  it('required binds the unattended kiosk, not the desk where staff see the person', () => {
    const desk = decideFace({ outcome: 'declined' }, { ...kiosk('required'), mode: 'desk' });
    expect(desk.needsStaff).toBeNull();
  });
});

describe('what the visit keeps and when the check is asked', () => {
  it('a chip visit without a report is not attempted; typed data keeps nothing', () => {
    expect(faceVerificationOf({ source: 'chip' }, null)?.decision).toBe('not-attempted');
    expect(faceVerificationOf({ source: 'typed' }, null)).toBeNull();
    expect(faceVerificationOf({ source: 'qr' }, null)).toBeNull();
  });

  it('a kiosk under required cannot commit a chip check-in without a face decision', () => {
    expect(missingFaceCheck({ source: 'chip' }, null, kiosk('required'))?.code).toBe(
      'CHECKIN_FACE_REQUIRED',
    );
    expect(missingFaceCheck({ source: 'chip' }, null, kiosk('optional'))).toBeNull();
    const decided = decideFace({ outcome: 'declined' }, kiosk('required')).verification;
    expect(missingFaceCheck({ source: 'chip' }, decided, kiosk('required'))).toBeNull();
    expect(
      missingFaceCheck({ source: 'chip' }, null, { policy: 'required', mode: 'desk' }),
    ).toBeNull();
  });

  it('the camera opens on the kiosk, on the desk only when configured, never when off', () => {
    expect(faceCheckApplies({ policy: 'optional', mode: 'kiosk' }, false)).toBe(true);
    expect(faceCheckApplies({ policy: 'off', mode: 'kiosk' }, true)).toBe(false);
    expect(faceCheckApplies({ policy: 'optional', mode: 'desk' }, false)).toBe(false);
    expect(faceCheckApplies({ policy: 'optional', mode: 'desk' }, true)).toBe(true);
    expect(faceCheckApplies({ policy: 'required', mode: 'room' }, true)).toBe(false);
  });
});
