/**
 * Calling patients in, on the station's SQLite file. Every change is one IMMEDIATE transaction
 * (the caller's `write`): the write lock is taken before the waiting list is read, so two rooms
 * (or two processes) calling at the same instant are serialised and never pick the same visit.
 */
import type Database from 'better-sqlite3';
import type { Lane, Visit, VisitProgress, VisitProgressChange } from '../../../shared/domain';
import { applyRoomAction, visitNotFoundError } from '../../domain/visit-progress';
import { chooseNext } from '../../domain/queue-policy';
import {
  changeTimeNow,
  type CallNextRequest,
  type RecentCall,
  type RoomActionRequest,
  type RoomActionResult,
} from '../store-contract';
import { visitFromRow, type VisitRow } from '../rows';

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

export function prepareCalling(db: Database.Database) {
  const visitById = db.prepare<[string], VisitRow>('SELECT * FROM visits WHERE id = ?');
  const calledLanes = db.prepare<[string, string], { lane: string }>(
    `SELECT lane FROM visits WHERE day = ? AND called_room = ? ORDER BY first_called_at, id`,
  );
  const markCalled = db.prepare<[string, string, string, string, string]>(
    `UPDATE visits SET progress = 'called', progress_room = ?, progress_at = ?,
       call_count = call_count + 1, first_called_at = COALESCE(first_called_at, ?),
       called_room = COALESCE(called_room, ?)
     WHERE id = ?`,
  );
  const setProgress = db.prepare<[string, string, string, string]>(
    `UPDATE visits SET progress = ?, progress_room = ?, progress_at = ? WHERE id = ?`,
  );
  const insertEvent = db.prepare<[string, string, string, string, string, string, string]>(
    `INSERT INTO visit_progress_events (visit_id, day, state, action, room, station_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  const changesOfVisit = db.prepare<[string], VisitProgressChange>(
    'SELECT state, at FROM visit_progress_events WHERE visit_id = ? ORDER BY id',
  );

  function called(row: VisitRow, room: string, at: string): void {
    markCalled.run(room, at, at, room, row.id);
  }

  return {
    callNext(req: CallNextRequest): Visit | null {
      if (req.departments.length === 0) return null;
      const waiting = db
        .prepare<string[], VisitRow>(
          `SELECT * FROM visits WHERE day = ? AND status = 'active' AND progress = 'waiting'
             AND department IN (${placeholders(req.departments.length)})`,
        )
        .all(req.date, ...req.departments)
        .map((row) => ({
          row,
          lane: row.lane as Lane,
          createdAt: row.created_at,
          queueSeq: row.queue_seq,
        }));
      const lanes = calledLanes.all(req.date, req.room).map((r) => r.lane as Lane);
      const next = chooseNext(waiting, lanes, req.policy);
      if (!next) return null;
      // Inside the IMMEDIATE transaction: no other change can come between this time and the write.
      const at = changeTimeNow(req.at);
      called(next.row, req.room, at);
      insertEvent.run(next.row.id, req.date, 'called', 'call-next', req.room, req.stationId, at);
      return visitFromRow(visitById.get(next.row.id)!);
    },

    roomAction(req: RoomActionRequest): RoomActionResult {
      const row = visitById.get(req.visitId);
      if (!row) throw visitNotFoundError();
      const current: VisitProgress =
        row.status === 'cancelled' ? 'cancelled' : ((row.progress ?? 'waiting') as VisitProgress);
      const step = applyRoomAction(
        req.action,
        { state: current, room: row.progress_room ?? null },
        req.room,
      );
      const at = changeTimeNow(req.at);
      if (step.to === 'called') called(row, req.room, at);
      else setProgress.run(step.to, req.room, at, row.id);
      insertEvent.run(row.id, row.day, step.to, req.action, req.room, req.stationId, at);
      return { visit: visitFromRow(visitById.get(row.id)!), announces: step.announces };
    },

    recentCalls(q: { date: string; rooms: readonly string[]; limit: number }): RecentCall[] {
      if (q.rooms.length === 0 || q.limit <= 0) return [];
      const rows = db
        .prepare<unknown[], VisitRow & { event_room: string; event_at: string }>(
          `SELECT v.*, e.room AS event_room, e.at AS event_at
           FROM visit_progress_events e JOIN visits v ON v.id = e.visit_id
           WHERE e.day = ? AND e.state = 'called' AND e.room IN (${placeholders(q.rooms.length)})
           ORDER BY e.id DESC LIMIT ?`,
        )
        .all(q.date, ...q.rooms, q.limit);
      return rows.map((r) => ({ visit: visitFromRow(r), room: r.event_room, at: r.event_at }));
    },

    progressChanges(visitId: string): VisitProgressChange[] {
      return changesOfVisit.all(visitId);
    },

    /**
     * Inside the cancel's transaction: its time, as an event like a room's (no room: staff cancel
     * at the desk), so the HIS's status history knows when the visit stopped being what it was.
     */
    recordCancel(row: { id: string; day: string }, stationId: string, at: string): void {
      insertEvent.run(row.id, row.day, 'cancelled', 'cancel', '', stationId, at);
    },

    waitingCounts(date: string, departments: readonly string[]): Record<string, number> {
      const out: Record<string, number> = Object.fromEntries(departments.map((d) => [d, 0]));
      if (departments.length === 0) return out;
      const rows = db
        .prepare<string[], { department: string; n: number }>(
          `SELECT department, count(*) AS n FROM visits
           WHERE day = ? AND status = 'active' AND progress = 'waiting'
             AND department IN (${placeholders(departments.length)})
           GROUP BY department`,
        )
        .all(date, ...departments);
      for (const r of rows) out[r.department] = r.n;
      return out;
    },
  };
}
