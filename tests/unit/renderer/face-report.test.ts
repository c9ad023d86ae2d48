/** The camera step's report (src/renderer/src/face/face-report.ts). */
import { describe, expect, it } from 'vitest';
import { bestFrame, faceReport, type FaceFrame } from '../../../src/renderer/src/face/face-report';

const model = { name: 'human-faceres', version: '3.3.6' };
const frame = (yawDeg: number, embedding: number[], confidence = 0.9): FaceFrame => ({
  yawDeg,
  box: [0.3, 0.2, 0.3, 0.4],
  confidence,
  embedding,
});
/** Similarity for the test: 1 minus the mean absolute difference. */
const similarity = (a: readonly number[], b: readonly number[]) =>
  1 - a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

describe('the report', () => {
  it('compares the most frontal frame with the chip photo, not the turned one', () => {
    const frames = [frame(2, [0.9, 0.9]), frame(25, [0.1, 0.1], 0.99)];
    expect(bestFrame(frames)?.yawDeg).toBe(2);
    const report = faceReport(frames, [0.9, 0.9], similarity, model);
    expect(report).toEqual({ outcome: 'compared', score: 1, liveness: 'live', model });
  });

  it('a still face is compared but reported not live', () => {
    const frames = Array.from({ length: 50 }, () => frame(3, [0.5, 0.5]));
    expect(faceReport(frames, [0.7, 0.7], similarity, model)).toEqual({
      outcome: 'compared',
      score: 0.8,
      liveness: 'not-live',
      model,
    });
  });

  it('no face seen: no-face, nothing compared', () => {
    expect(faceReport([], [0.5], similarity, model)).toEqual({
      outcome: 'no-face',
      liveness: 'not-checked',
      model,
    });
  });

  it('carries no template or frame: only outcome, score, liveness and model', () => {
    const report = faceReport([frame(0, [0.2, 0.3])], [0.2, 0.3], similarity, model);
    expect(Object.keys(report).sort()).toEqual(['liveness', 'model', 'outcome', 'score']);
  });
});
