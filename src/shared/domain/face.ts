/**
 * The 1:1 face check (issue 23): the chip's DG2 photo against the person at the camera. Pure
 * types: the renderer measures, main decides, the visit keeps only the decision. Frames and face
 * templates (embeddings) never appear in any of these types: nothing here can carry them.
 */

/** `required`: a kiosk check-in needs the face check or a staff decision; `off`: never asked. */
export const FACE_POLICIES = ['required', 'optional', 'off'] as const;
export type FacePolicy = (typeof FACE_POLICIES)[number];

/** What the visit records about the face check. */
export const FACE_DECISIONS = [
  'match',
  'no-match',
  'no-face',
  'not-attempted',
  'declined',
] as const;
export type FaceDecision = (typeof FACE_DECISIONS)[number];

/** The liveness check's verdict on the frames compared; `not-checked` when none ran. */
export const LIVENESS_VERDICTS = ['live', 'not-live', 'not-checked'] as const;
export type LivenessVerdict = (typeof LIVENESS_VERDICTS)[number];

/** The face model that produced a score: a score means nothing without it. */
export interface FaceModel {
  name: string;
  version: string;
}

/**
 * What the screen reports after the camera step (checkin.faceResult). `compared`: a face was
 * found and compared with the chip photo; `no-face`: the camera saw no usable face in time;
 * `declined`: the person chose "No, skip" (or never consented); `unavailable`: no camera, no
 * chip photo, or the model could not run: nobody's fault, nothing was compared.
 */
export type FaceCheckReport =
  | {
      outcome: 'compared';
      /** Similarity of the best frame's face with the chip photo's face, 0..1 */
      score: number;
      liveness: LivenessVerdict;
      model: FaceModel;
    }
  | { outcome: 'no-face'; liveness: LivenessVerdict; model: FaceModel }
  | { outcome: 'declined' }
  | { outcome: 'unavailable'; reason: string };

/** What a visit keeps: the decision, never a frame or a template. Null on typed visits. */
export interface FaceVerification {
  decision: FaceDecision;
  /** Null unless a comparison ran. */
  score: number | null;
  /** The configured threshold the score was judged against. */
  threshold: number | null;
  liveness: LivenessVerdict;
  /** "name@version"; null when no model ran. */
  model: string | null;
}

/** What the screen needs to know to ask (AppInfo.face). */
export interface FaceCheckSettings {
  policy: FacePolicy;
  /** Stations that may open the camera (kiosk, and the desk when face.atDesk). */
  enabled: boolean;
  /** How long the camera looks for a live face before reporting `no-face`. */
  cameraSeconds: number;
  /** Speak each instruction (face.speak); the screen shows them either way. */
  speak: boolean;
}

/**
 * The face check's spoken instructions (face.instructionAudio): fixed sentences, one per screen
 * or camera guide, never anything about the person. `consent`: the question before the camera;
 * `look-at-camera`, `closer`, `turn-head`: the challenge; `no-face`: no face in the frame just now;
 * the check's end: `done` (compared) or `not-seen` (no face in time: staff at the desk help).
 */
export const FACE_INSTRUCTIONS = [
  'consent',
  'look-at-camera',
  'closer',
  'turn-head',
  'no-face',
  'done',
  'not-seen',
] as const;
export type FaceInstruction = (typeof FACE_INSTRUCTIONS)[number];
