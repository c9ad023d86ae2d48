/**
 * What the camera step reports to main (checkin.faceResult), from what it measured. Pure. The
 * report carries a score, a liveness verdict and the model's name: never a frame or a template.
 */
import type { FaceCheckReport, FaceModel } from '../../../shared/domain';
import { FRONTAL_MAX_DEG, headTurnProgress, type FaceTrackSample } from './liveness';

/** One frame's face with its template (kept in memory during the check only). */
export interface FaceFrame extends FaceTrackSample {
  /** The detector's confidence 0..1 */
  confidence: number;
  embedding: readonly number[];
}

/**
 * The frame compared with the chip photo: the most frontal one (the chip photo is frontal), the
 * detector's confidence breaking ties.
 */
export function bestFrame(frames: readonly FaceFrame[]): FaceFrame | null {
  let best: FaceFrame | null = null;
  for (const f of frames) {
    if (!best || rank(f) > rank(best)) best = f;
  }
  return best;
}

function rank(f: FaceFrame): number {
  const frontal = Math.abs(f.yawDeg) <= FRONTAL_MAX_DEG ? 1 : 0;
  return frontal * 10 + f.confidence - Math.abs(f.yawDeg) / 90;
}

/**
 * The report once the check ends: compared (with the liveness verdict) when a face was seen,
 * no-face otherwise. `similarity` compares two templates (the model's own measure, 0..1).
 */
export function faceReport(
  frames: readonly FaceFrame[],
  reference: readonly number[],
  similarity: (a: readonly number[], b: readonly number[]) => number,
  model: FaceModel,
): FaceCheckReport {
  const best = bestFrame(frames);
  if (!best) return { outcome: 'no-face', liveness: 'not-checked', model };
  const score = Math.min(1, Math.max(0, similarity(best.embedding, reference)));
  return {
    outcome: 'compared',
    score: Math.round(score * 10_000) / 10_000,
    liveness: headTurnProgress(frames) === 'passed' ? 'live' : 'not-live',
    model,
  };
}
