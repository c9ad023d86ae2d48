import { z } from 'zod';
import { FACE_POLICIES } from '../../../shared/domain/face';

/** The 1:1 face check of the chip photo against the camera (README "Face check"). */
export const faceSchema = z
  .object({
    /**
     * `optional` (default): the kiosk asks for consent and goes on without the check when the
     * person says no. `required`: a kiosk check-in without a face match needs staff. `off`: the
     * camera is never opened.
     */
    policy: z.enum(FACE_POLICIES),
    /**
     * Similarity (0..1) at or above which the chip photo and the camera's face are the same
     * person. The default comes from `npm run bench -- face`; raise it for fewer false matches.
     */
    threshold: z.number().min(0).max(1),
    /** The reception desk may run the check too (staff see the person anyway: off by default). */
    atDesk: z.boolean(),
    /** The camera looks this long for a live face before "no face" (staff then decide). */
    cameraSeconds: z.number().int().min(5).max(120),
    /**
     * Speak each instruction (espeak-ng, the voice and speed of queue.speech) in the screen's
     * language; the large text is there either way.
     */
    speak: z.boolean(),
  })
  .strict();

export const faceDefaults = {
  policy: 'optional',
  threshold: 0.6,
  atDesk: false,
  cameraSeconds: 20,
  speak: true,
} as const satisfies z.input<typeof faceSchema>;
