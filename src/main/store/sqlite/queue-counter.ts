/**
 * The per-day, per-station, per-department, per-lane counter. Called only inside the transaction
 * that inserts the visit: the counter row and the visit commit together or not at all, so a
 * number is never handed out twice nor skipped, whatever crashes in between.
 */
import type Database from 'better-sqlite3';
import type { Lane } from '../../../shared/domain';

export interface QueueKey {
  day: string;
  stationId: string;
  department: string;
  lane: Lane;
}

export function prepareQueueCounter(db: Database.Database): (key: QueueKey) => number {
  const bump = db.prepare<[string, string, string, string], { last_seq: number }>(
    `INSERT INTO queue_counters (day, station_id, department, lane, last_seq)
     VALUES (?, ?, ?, ?, 1)
     ON CONFLICT (day, station_id, department, lane) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
  );
  return (key) => bump.get(key.day, key.stationId, key.department, key.lane)!.last_seq;
}
