import type { Migration } from './migration';

/**
 * Calling patients in: each visit's place in the room's queue (waiting → called → in-room →
 * done, or skipped), and every change with its time and room in `visit_progress_events`.
 * `first_called_at`/`called_room` give the order in which a room called its patients, which the
 * queue policy's rhythm is counted from.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'visit-progress',
  up(db) {
    db.exec(`
      ALTER TABLE visits ADD COLUMN progress TEXT NOT NULL DEFAULT 'waiting'
        CHECK (progress IN ('waiting', 'called', 'in-room', 'done', 'skipped'));
      ALTER TABLE visits ADD COLUMN progress_room TEXT;
      ALTER TABLE visits ADD COLUMN progress_at TEXT;
      ALTER TABLE visits ADD COLUMN call_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE visits ADD COLUMN first_called_at TEXT;
      ALTER TABLE visits ADD COLUMN called_room TEXT;
      CREATE INDEX visits_waiting ON visits (day, department, progress) WHERE status = 'active';
      CREATE INDEX visits_called_by_room ON visits (day, called_room, first_called_at)
        WHERE called_room IS NOT NULL;

      CREATE TABLE visit_progress_events (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        visit_id   TEXT NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
        day        TEXT NOT NULL,
        state      TEXT NOT NULL,
        action     TEXT NOT NULL,
        room       TEXT NOT NULL,
        station_id TEXT NOT NULL,
        at         TEXT NOT NULL
      );
      CREATE INDEX visit_progress_events_by_day ON visit_progress_events (day, id);
    `);
  },
};
