/**
 * The face check's columns on a visit (SQLite schema 12, PostgreSQL 9): the decision, the score
 * and threshold, the liveness verdict and the model. Never a frame or a template: there is no
 * column that could hold one.
 */
import type { FaceDecision, FaceVerification, LivenessVerdict } from '../../shared/domain';

export interface FaceColumns {
  face_decision: FaceDecision | null;
  face_score: number | null;
  face_threshold: number | null;
  face_liveness: LivenessVerdict | null;
  face_model: string | null;
}

/** Column values in this order: decision, score, threshold, liveness, model. */
export function faceColumns(face: FaceVerification | null | undefined): FaceColumns {
  return {
    face_decision: face?.decision ?? null,
    face_score: face?.score ?? null,
    face_threshold: face?.threshold ?? null,
    face_liveness: face?.liveness ?? null,
    face_model: face?.model ?? null,
  };
}

export function faceFromRow(row: Partial<FaceColumns>): FaceVerification | null {
  if (!row.face_decision) return null;
  return {
    decision: row.face_decision,
    score: row.face_score ?? null,
    threshold: row.face_threshold ?? null,
    liveness: row.face_liveness ?? 'not-checked',
    model: row.face_model ?? null,
  };
}
