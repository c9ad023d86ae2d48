/**
 * The liveness check the kiosk claims: a short head-turn challenge. A still picture held to the
 * camera (a printed photo, the chip photo on a phone) shows one pose however long it stays: it
 * cannot look straight at the camera and then turn. A video of the person turning (a replay on a
 * screen, or a mask) is NOT caught: README "Face check" says so.
 *
 * Pure: takes what the face model measured on successive frames, no camera, no model.
 */

/** One frame's face, as the model saw it. */
export interface FaceTrackSample {
  /** Head turn left/right in degrees (0 = facing the camera). */
  yawDeg: number;
  /** The face box in the frame, each value 0..1 of the frame's size: [x, y, width, height]. */
  box: readonly [number, number, number, number];
}

/** A face this close to facing the camera counts as the frontal pose (and gives the best match). */
export const FRONTAL_MAX_DEG = 10;
/** How far the head must turn from the frontal pose, one way or the other. */
export const TURN_MIN_DEG = 18;
/** Successive faces whose boxes overlap less than this are not the same face moving. */
const SAME_FACE_MIN_OVERLAP = 0.3;

export type ChallengeProgress = 'look-straight' | 'turn-head' | 'passed';

/**
 * Where the person is in the challenge: first a frontal face, then, without the face jumping
 * between frames (a second person or a swapped picture starts the track again), a turn of at
 * least TURN_MIN_DEG from the frontal pose.
 */
export function headTurnProgress(samples: readonly FaceTrackSample[]): ChallengeProgress {
  let frontalYaw: number | null = null;
  let previous: FaceTrackSample | null = null;
  for (const s of samples) {
    if (previous && overlap(previous.box, s.box) < SAME_FACE_MIN_OVERLAP) frontalYaw = null;
    previous = s;
    if (frontalYaw === null) {
      if (Math.abs(s.yawDeg) <= FRONTAL_MAX_DEG) frontalYaw = s.yawDeg;
      continue;
    }
    if (Math.abs(s.yawDeg - frontalYaw) >= TURN_MIN_DEG) return 'passed';
  }
  return frontalYaw === null ? 'look-straight' : 'turn-head';
}

/** Intersection over union of two boxes. */
export function overlap(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
): number {
  const x = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const y = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  const inter = x * y;
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}
