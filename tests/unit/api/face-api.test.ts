/** The face report at the API boundary: numbers and names only, from the check-in stations only. */
import { describe, expect, it } from 'vitest';
import { INPUT_SCHEMAS } from '../../../src/main/api/input-schemas';
import { mayRequest } from '../../../src/shared/station-access';

const schema = INPUT_SCHEMAS['checkin.faceResult'];
const model = { name: 'human-faceres', version: '3.3.6' };

describe('checkin.faceResult input', () => {
  it('takes a score in 0..1 with a liveness verdict and the model', () => {
    expect(
      schema.safeParse({ outcome: 'compared', score: 0.7, liveness: 'live', model }).success,
    ).toBe(true);
    expect(schema.safeParse({ outcome: 'declined' }).success).toBe(true);
    expect(schema.safeParse({ outcome: 'unavailable', reason: 'no-camera' }).success).toBe(true);
  });

  it('refuses anything that could carry a face: a template, a frame, extra fields', () => {
    const embedding = Array.from({ length: 1024 }, () => 0.1);
    expect(
      schema.safeParse({ outcome: 'compared', score: 0.7, liveness: 'live', model, embedding })
        .success,
    ).toBe(false);
    expect(
      schema.safeParse({ outcome: 'declined', frame: 'data:image/jpeg;base64,AAAA' }).success,
    ).toBe(false);
    expect(
      schema.safeParse({ outcome: 'unavailable', reason: 'data:image/jpeg;base64,AAAA' }).success,
    ).toBe(false);
  });

  it('refuses scores outside 0..1 and unknown verdicts', () => {
    for (const score of [-0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(
        schema.safeParse({ outcome: 'compared', score, liveness: 'live', model }).success,
      ).toBe(false);
    }
    expect(
      schema.safeParse({ outcome: 'compared', score: 0.9, liveness: 'probably', model }).success,
    ).toBe(false);
  });

  it('only the kiosk and the desk may report', () => {
    expect(mayRequest('kiosk', 'checkin.faceResult')).toBe(true);
    expect(mayRequest('desk', 'checkin.faceResult')).toBe(true);
    expect(mayRequest('room', 'checkin.faceResult')).toBe(false);
    expect(mayRequest('display', 'checkin.faceResult')).toBe(false);
  });
});
