import type { PgMigration } from './pg-migration';

/**
 * Visits a station checked in on its own file while this server could not be reached, uploaded
 * later with their ids and offline numbers (`K02-KHAM-O-003`): `offline` marks them.
 *
 * The hospital-wide "one active visit per person, department and day" cannot hold for them: the
 * station could not see this server's visits when it checked the person in, and the slip is
 * already in the person's hand. So the unique index leaves offline visits out; an online check-in
 * still finds the person's offline visit first (it reads every active visit), and the upload
 * reports the people who got both, for staff to sort out.
 */
export const pgMigration0002: PgMigration = {
  version: 2,
  name: 'offline-visits',
  sql: `
    ALTER TABLE visits ADD COLUMN offline BOOLEAN NOT NULL DEFAULT false;
    DROP INDEX visits_one_active_per_person;
    CREATE UNIQUE INDEX visits_one_active_per_person
      ON visits (day, department, patient_id_number)
      WHERE status = 'active' AND patient_id_number IS NOT NULL AND NOT offline;
  `,
};
