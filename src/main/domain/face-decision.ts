/**
 * The face check's decision (issue 23): what a report from the camera step means for the visit
 * and whether staff must see the person. Main decides, never the screen: the screen only
 * measures. One rule each:
 * - a score is judged against the configured threshold, and only a live face can match (a
 *   printed photo or a phone showing the chip photo scores high: liveness gates the match);
 * - no match and no face go to staff at the desk, like an unverified chip, whatever the policy
 *   (the person agreed to the check and it did not confirm them);
 * - declining, or a check that could not run, goes to staff only under `required` on a kiosk.
 */
import type {
  FaceCheckReport,
  FaceModel,
  FacePolicy,
  FaceVerification,
  PatientView,
  StationMode,
} from '../../shared/domain';
import { kioskError, type KioskError } from '../../shared/errors';

export interface FaceRules {
  policy: FacePolicy;
  threshold: number;
  /** The station whose camera reported: `required` binds the unattended kiosk only. */
  mode: StationMode;
}

export interface FaceOutcome {
  verification: FaceVerification;
  /** Why staff must see the person first; null when the check-in may go on. */
  needsStaff: KioskError | null;
}

export function modelLabel(model: FaceModel): string {
  return `${model.name}@${model.version}`;
}

/** Whether this station asks for the face check at all. */
export function faceCheckApplies(
  rules: Pick<FaceRules, 'policy' | 'mode'>,
  atDesk: boolean,
): boolean {
  if (rules.policy === 'off') return false;
  return rules.mode === 'kiosk' || (rules.mode === 'desk' && atDesk);
}

export function decideFace(report: FaceCheckReport, rules: FaceRules): FaceOutcome {
  const requiredHere = rules.policy === 'required' && rules.mode === 'kiosk';
  switch (report.outcome) {
    case 'compared': {
      const verification: FaceVerification = {
        decision: 'no-match',
        score: report.score,
        threshold: rules.threshold,
        liveness: report.liveness,
        model: modelLabel(report.model),
      };
      if (report.score < rules.threshold) {
        return { verification, needsStaff: faceErrors.noMatch('below-threshold') };
      }
      if (report.liveness !== 'live') {
        return { verification, needsStaff: faceErrors.noMatch(`liveness-${report.liveness}`) };
      }
      return { verification: { ...verification, decision: 'match' }, needsStaff: null };
    }
    case 'no-face':
      return {
        verification: {
          decision: 'no-face',
          score: null,
          threshold: rules.threshold,
          liveness: report.liveness,
          model: modelLabel(report.model),
        },
        needsStaff: faceErrors.noFace(),
      };
    case 'declined':
      return {
        verification: notCompared('declined'),
        needsStaff: requiredHere ? faceErrors.required('declined') : null,
      };
    case 'unavailable':
      return {
        verification: notCompared('not-attempted'),
        needsStaff: requiredHere ? faceErrors.required(`unavailable-${report.reason}`) : null,
      };
  }
}

/**
 * What a chip visit keeps when the check-in is committed: the decision made, or `not-attempted`
 * when no report came (policy off, the desk, a chip without a photo). Typed data: null.
 */
export function faceVerificationOf(
  patient: Pick<PatientView, 'source'>,
  decided: FaceVerification | null,
): FaceVerification | null {
  if (patient.source !== 'chip') return null;
  return decided ?? notCompared('not-attempted');
}

/**
 * A kiosk check-in under `required` may not be committed without a face decision: a screen that
 * skipped the camera step (or a scripted client) must not get a number past the check.
 */
export function missingFaceCheck(
  patient: Pick<PatientView, 'source'>,
  decided: FaceVerification | null,
  rules: Pick<FaceRules, 'policy' | 'mode'>,
): KioskError | null {
  if (patient.source !== 'chip' || decided) return null;
  if (rules.policy !== 'required' || rules.mode !== 'kiosk') return null;
  return faceErrors.required('no-report');
}

function notCompared(decision: 'declined' | 'not-attempted'): FaceVerification {
  return { decision, score: null, threshold: null, liveness: 'not-checked', model: null };
}

export const faceErrors = {
  noMatch: (detail: string): KioskError =>
    kioskError(
      'CHECKIN_FACE_NO_MATCH',
      'Khuôn mặt chưa khớp với ảnh trên chip. Nhân viên sẽ kiểm tra thẻ tại quầy.',
      'Your face did not match the photo on the chip. Staff will check the card at the desk.',
      { detail },
    ),
  noFace: (): KioskError =>
    kioskError(
      'CHECKIN_FACE_NOT_SEEN',
      'Máy ảnh chưa thấy rõ khuôn mặt. Nhân viên sẽ kiểm tra thẻ tại quầy.',
      'The camera could not see a face clearly. Staff will check the card at the desk.',
      { detail: 'no-face' },
    ),
  required: (detail: string): KioskError =>
    kioskError(
      'CHECKIN_FACE_REQUIRED',
      'Bệnh viện yêu cầu đối chiếu khuôn mặt. Nhân viên sẽ kiểm tra thẻ tại quầy.',
      'This hospital requires the face check. Staff will check the card at the desk.',
      { detail },
    ),
  notAsked: (): KioskError =>
    kioskError(
      'CHECKIN_FACE_NOT_ASKED',
      'Trạm này không đối chiếu khuôn mặt.',
      'This station does not run the face check.',
      { detail: 'face-check-off' },
    ),
};
