import type { PgMigration } from './pg-migration';

/**
 * The face check of a visit (issue 23): decision, score, threshold, liveness verdict and model.
 * Only the decision is kept: frames and face templates never reach the server.
 */
export const pgMigration0009: PgMigration = {
  version: 9,
  name: 'face-verification',
  sql: `
    ALTER TABLE visits ADD COLUMN face_decision TEXT
      CHECK (face_decision IN ('match', 'no-match', 'no-face', 'not-attempted', 'declined'));
    ALTER TABLE visits ADD COLUMN face_score DOUBLE PRECISION
      CHECK (face_score BETWEEN 0 AND 1);
    ALTER TABLE visits ADD COLUMN face_threshold DOUBLE PRECISION
      CHECK (face_threshold BETWEEN 0 AND 1);
    ALTER TABLE visits ADD COLUMN face_liveness TEXT
      CHECK (face_liveness IN ('live', 'not-live', 'not-checked'));
    ALTER TABLE visits ADD COLUMN face_model TEXT;
  `,
};
