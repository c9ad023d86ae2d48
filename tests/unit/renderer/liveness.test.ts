/** The head-turn challenge (src/renderer/src/face/liveness.ts): a still picture cannot pass. */
import { describe, expect, it } from 'vitest';
import { headTurnProgress, type FaceTrackSample } from '../../../src/renderer/src/face/liveness';

const at = (yawDeg: number, x = 0.3): FaceTrackSample => ({ yawDeg, box: [x, 0.2, 0.3, 0.4] });

describe('head-turn challenge', () => {
  it('a still picture, however many frames, never passes: one pose only', () => {
    expect(headTurnProgress(Array.from({ length: 300 }, () => at(3)))).toBe('turn-head');
    expect(headTurnProgress(Array.from({ length: 300 }, () => at(25)))).toBe('look-straight');
    // A still picture's measured yaw jitters by a degree or two between frames.
    expect(headTurnProgress(Array.from({ length: 300 }, (_, i) => at(4 + (i % 5))))).toBe(
      'turn-head',
    );
  });

  it('facing the camera, then turning 18° either way, passes', () => {
    expect(headTurnProgress([at(2), at(8), at(14), at(20)])).toBe('passed');
    expect(headTurnProgress([at(-5), at(-15), at(-23)])).toBe('passed');
    expect(headTurnProgress([at(2), at(8), at(14), at(19)])).toBe('turn-head');
  });

  it('a turned face first, then frontal: the turn counts only after the frontal pose', () => {
    expect(headTurnProgress([at(30), at(0)])).toBe('turn-head');
    expect(headTurnProgress([at(30), at(0), at(-20)])).toBe('passed');
  });

  it('a face that jumps across the frame (another picture, another person) starts again', () => {
    expect(headTurnProgress([at(0, 0.05), at(25, 0.65)])).toBe('look-straight');
    expect(headTurnProgress([at(0, 0.05), at(0, 0.65), at(25, 0.66)])).toBe('passed');
  });
});
