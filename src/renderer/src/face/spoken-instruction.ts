/**
 * Which instruction the face check says aloud for the step on screen (issue 23, item 5). Pure:
 * the hook (use-spoken-instruction.ts) fetches and plays, this decides.
 */
import type { FaceInstruction } from '../../../shared/domain';

/** What the camera screen tells the person, one at a time in large text. */
export type FaceGuide =
  'starting' | 'no-face' | 'closer' | 'look-straight' | 'turn-head' | 'checking' | 'not-seen';
/** The consent question, or one of the camera's guides. */
export type FaceStep = 'consent' | FaceGuide;

const SPOKEN: Record<FaceStep, FaceInstruction | null> = {
  consent: 'consent',
  // The camera is still opening: nothing to do yet.
  starting: null,
  'look-straight': 'look-at-camera',
  closer: 'closer',
  'turn-head': 'turn-head',
  'no-face': 'no-face',
  checking: 'done',
  'not-seen': 'not-seen',
};

export function instructionFor(step: FaceStep): FaceInstruction | null {
  return SPOKEN[step];
}

/**
 * The instruction to start now that `step` is on screen, or null: none for this step, or already
 * said during this check. Once each: the guide can flick between "no face" and "look at the
 * camera" from one frame to the next as the person moves, and saying it again on every flick
 * would only be noise; the large text keeps showing the current step.
 */
export function nextInstruction(
  step: FaceStep,
  said: readonly FaceInstruction[],
): FaceInstruction | null {
  const instruction = instructionFor(step);
  return instruction && !said.includes(instruction) ? instruction : null;
}

/**
 * The check's outcome is said to its end although the screen moves on as soon as it is known
 * (the next screen says nothing, and the sentence is short); every other instruction stops when
 * the step changes, because it would be telling the person to do something no longer asked.
 */
export function outlivesStep(instruction: FaceInstruction): boolean {
  return instruction === 'done' || instruction === 'not-seen';
}
