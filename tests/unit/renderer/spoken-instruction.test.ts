/** Which face-check instruction is said for which step (src/renderer/src/face/spoken-instruction.ts). */
import { describe, expect, it } from 'vitest';
import {
  instructionFor,
  nextInstruction,
  outlivesStep,
  type FaceStep,
} from '../../../src/renderer/src/face/spoken-instruction';
import { FACE_INSTRUCTIONS, type FaceInstruction } from '../../../src/shared/domain';

describe('the spoken instruction for a step', () => {
  it('says the consent question, each camera guide, and the outcome; nothing while the camera opens', () => {
    const steps: Record<FaceStep, FaceInstruction | null> = {
      consent: 'consent',
      starting: null,
      'look-straight': 'look-at-camera',
      closer: 'closer',
      'turn-head': 'turn-head',
      'no-face': 'no-face',
      checking: 'done',
      'not-seen': 'not-seen',
    };
    for (const [step, instruction] of Object.entries(steps)) {
      expect(instructionFor(step as FaceStep), step).toBe(instruction);
    }
    // Every instruction main can say is reached from some step.
    expect(new Set(Object.values(steps).filter(Boolean))).toEqual(new Set(FACE_INSTRUCTIONS));
  });

  it('says each instruction once per check, however often the guide comes back to it', () => {
    // The guide flicking as the person moves in and out of the frame.
    const guides: FaceStep[] = [
      'starting',
      'look-straight',
      'no-face',
      'look-straight',
      'no-face',
      'closer',
      'look-straight',
      'turn-head',
      'no-face',
      'turn-head',
      'checking',
    ];
    const said: FaceInstruction[] = [];
    for (const step of guides) {
      const next = nextInstruction(step, said);
      if (next) said.push(next);
    }
    expect(said).toEqual(['look-at-camera', 'no-face', 'closer', 'turn-head', 'done']);
  });

  it('only the outcome goes on after the screen moves; a guide stops with its step', () => {
    expect(outlivesStep('done')).toBe(true);
    expect(outlivesStep('not-seen')).toBe(true);
    for (const i of ['consent', 'look-at-camera', 'closer', 'turn-head', 'no-face'] as const) {
      expect(outlivesStep(i)).toBe(false);
    }
  });
});
