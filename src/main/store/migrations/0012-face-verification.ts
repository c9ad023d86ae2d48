import type { Migration } from './migration';

/**
 * The face check of a visit (issue 23): the decision, the similarity score and the threshold it
 * was judged against, the liveness verdict and the model (name@version). Only the decision is
 * kept: frames and face templates never reach the store. NULL on typed visits and older ones.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'face-verification',
  up(db) {
    db.exec(`
      ALTER TABLE visits ADD COLUMN face_decision TEXT
        CHECK (face_decision IN ('match', 'no-match', 'no-face', 'not-attempted', 'declined'));
      ALTER TABLE visits ADD COLUMN face_score REAL CHECK (face_score BETWEEN 0 AND 1);
      ALTER TABLE visits ADD COLUMN face_threshold REAL CHECK (face_threshold BETWEEN 0 AND 1);
      ALTER TABLE visits ADD COLUMN face_liveness TEXT
        CHECK (face_liveness IN ('live', 'not-live', 'not-checked'));
      ALTER TABLE visits ADD COLUMN face_model TEXT;
    `);
  },
};
