/**
 * Calling patients in on the hospital's PostgreSQL server, shared by every room and station: the
 * same behaviour as the station's SQLite calling (../sqlite/sqlite-calling.ts), with the queue
 * policy and the progress rules from ../../calling. Each change is one transaction that also
 * writes its visit_progress_event and notifies `kiosk_visits` with the day, so every station's
 * screens refresh.
 *
 * Call next, many rooms at once: the policy picks from the waiting list, and the pick is locked
 * with FOR UPDATE SKIP LOCKED. If another room holds it (or has just called it), that visit is
 * dropped from the list and the policy asked again, so two rooms calling at the same instant
 * never get the same visit and neither waits for the other. Calls of one room (two stations on
 * the same room) are serialised by a transaction-scoped advisory lock on (day, room): the room's
 * rhythm of priority and normal turns is counted from its own previous calls, which must be
 * committed before the next is chosen.
 *
 * What it reads of a visit, and from where, is what the station's role may read (./pg-visit-reads.ts):
 * the whole row for a desk, a room's columns for a room, the board's view for a display.
 */
import type pg from 'pg';
import type { Lane, Visit, VisitProgress, VisitProgressChange } from '../../../shared/domain';
import { chooseNext } from '../../domain/queue-policy';
import { applyRoomAction, visitNotFoundError } from '../../domain/visit-progress';
import {
  changeTimeNow,
  type CallNextRequest,
  type RecentCall,
  type RoomActionRequest,
  type RoomActionResult,
} from '../store-contract';
import type { VisitRow } from '../rows';
import { inPgTransaction, notifyVisitsChanged, pgRead } from './pg-pool';
import { TABLE_READS, type VisitReads } from './pg-visit-reads';

const markCalled = (returning: string): string => `
  UPDATE visits SET progress = 'called', progress_room = $1, progress_at = $2,
    call_count = call_count + 1, first_called_at = COALESCE(first_called_at, $2),
    called_room = COALESCE(called_room, $1)
  WHERE id = $3 RETURNING ${returning}`;

/** Writes one change's event and tells every station's screens; inside the change's transaction. */
export async function recordChange(
  c: pg.PoolClient,
  e: {
    visitId: string;
    day: string;
    state: VisitProgress;
    action: string;
    room: string;
    stationId: string;
    at: string;
  },
): Promise<void> {
  await c.query(
    `INSERT INTO visit_progress_events (visit_id, day, state, action, room, station_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.visitId, e.day, e.state, e.action, e.room, e.stationId, e.at],
  );
  await notifyVisitsChanged(c, [e.day]);
}

export function pgCalling(pool: pg.Pool, reads: VisitReads = TABLE_READS) {
  const visitOf = reads.toVisit;
  const markCalledSql = markCalled(reads.columns);
  return {
    async callNext(req: CallNextRequest): Promise<Visit | null> {
      if (req.departments.length === 0) return null;
      return inPgTransaction(pool, 'call next', async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `kiosk-call:${req.date}:${req.room}`,
        ]);
        const waiting = (
          await c.query<{ id: string; lane: string; created_at: string; queue_seq: number }>(
            `SELECT id, lane, created_at, queue_seq FROM visits
             WHERE day = $1 AND status = 'active' AND progress = 'waiting'
               AND department = ANY($2)`,
            [req.date, req.departments],
          )
        ).rows.map((r) => ({
          id: r.id,
          lane: r.lane as Lane,
          createdAt: r.created_at,
          queueSeq: r.queue_seq,
        }));
        const lanes = (
          await c.query<{ lane: string }>(
            `SELECT lane FROM visits WHERE day = $1 AND called_room = $2
             ORDER BY first_called_at, id`,
            [req.date, req.room],
          )
        ).rows.map((r) => r.lane as Lane);

        let candidates = waiting;
        for (;;) {
          const next = chooseNext(candidates, lanes, req.policy);
          if (!next) return null;
          // Still waiting and nobody else's: ours. Otherwise ask the policy without it.
          const locked = await c.query(
            `SELECT id FROM visits WHERE id = $1 AND status = 'active' AND progress = 'waiting'
             FOR UPDATE SKIP LOCKED`,
            [next.id],
          );
          if (locked.rowCount === 1) {
            // Read with the room's lock and the visit's row held, just before the write.
            const at = changeTimeNow(req.at);
            const row = (await c.query<VisitRow>(markCalledSql, [req.room, at, next.id])).rows[0]!;
            await recordChange(c, {
              visitId: row.id,
              day: req.date,
              state: 'called',
              action: 'call-next',
              room: req.room,
              stationId: req.stationId,
              at,
            });
            return visitOf(row);
          }
          candidates = candidates.filter((w) => w.id !== next.id);
        }
      });
    },

    async roomAction(req: RoomActionRequest): Promise<RoomActionResult> {
      return inPgTransaction(pool, 'room action', async (c) => {
        // Waits for another room's change of the same visit, then judges on its result.
        const row = (
          await c.query<VisitRow>(`SELECT ${reads.columns} FROM visits WHERE id = $1 FOR UPDATE`, [
            req.visitId,
          ])
        ).rows[0];
        if (!row) throw visitNotFoundError();
        const { state, room } = visitOf(row).progress!;
        const step = applyRoomAction(req.action, { state, room }, req.room);
        // Read with the visit's row locked, just before the write.
        const at = changeTimeNow(req.at);
        const after =
          step.to === 'called'
            ? await c.query<VisitRow>(markCalledSql, [req.room, at, row.id])
            : await c.query<VisitRow>(
                `UPDATE visits SET progress = $1, progress_room = $2, progress_at = $3
                 WHERE id = $4 RETURNING ${reads.columns}`,
                [step.to, req.room, at, row.id],
              );
        await recordChange(c, {
          visitId: row.id,
          day: row.day,
          state: step.to,
          action: req.action,
          room: req.room,
          stationId: req.stationId,
          at,
        });
        return { visit: visitOf(after.rows[0]!), announces: step.announces };
      });
    },

    async recentCalls(q: {
      date: string;
      rooms: readonly string[];
      limit: number;
    }): Promise<RecentCall[]> {
      if (q.rooms.length === 0 || q.limit <= 0) return [];
      const rows = await pgRead<VisitRow & { event_room: string; event_at: string }>(
        pool,
        'recent calls',
        `SELECT v.*, e.room AS event_room, e.at AS event_at
         FROM visit_progress_events e
           JOIN (SELECT ${reads.columns} FROM ${reads.from}) v ON v.id = e.visit_id
         WHERE e.day = $1 AND e.state = 'called' AND e.room = ANY($2)
         ORDER BY e.id DESC LIMIT $3`,
        [q.date, q.rooms, q.limit],
      );
      return rows.map((r) => ({ visit: visitOf(r), room: r.event_room, at: r.event_at }));
    },

    /** Read by the HIS hand-off, which runs on desk stations (their role may read the events). */
    async progressChanges(visitId: string): Promise<VisitProgressChange[]> {
      return pgRead<VisitProgressChange & pg.QueryResultRow>(
        pool,
        'progress changes',
        'SELECT state, at FROM visit_progress_events WHERE visit_id = $1 ORDER BY id',
        [visitId],
      );
    },

    async waitingCounts(
      date: string,
      departments: readonly string[],
    ): Promise<Record<string, number>> {
      const out: Record<string, number> = Object.fromEntries(departments.map((d) => [d, 0]));
      if (departments.length === 0) return out;
      const rows = await pgRead<{ department: string; n: string }>(
        pool,
        'waiting counts',
        `SELECT department, count(*) AS n FROM ${reads.from}
         WHERE day = $1 AND status = 'active' AND progress = 'waiting'
           AND department = ANY($2)
         GROUP BY department`,
        [date, departments],
      );
      for (const r of rows) out[r.department] = Number(r.n);
      return out;
    },
  };
}
