/**
 * The station's offline visits in its SQLite file (migration 0007): their numbers while the
 * hospital's server is away, the ones still waiting to go up, and marking them uploaded once the
 * server has committed them (never before: a crash in between uploads them again, and the
 * server skips what it already has).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { formatOfflineQueueNumber } from '../../domain/queue-number';
import type {
  OfflineEvidence,
  OfflineProgressEvent,
  OfflineRecheck,
  OfflineVisit,
} from '../offline-visits-contract';
import { recheckFromRow, visitFromRow, type RecheckRow, type VisitRow } from '../rows';

type Run = <T>(during: string, body: () => T) => T;

type PendingRow = VisitRow & {
  printed_at: string | null;
  print_station: string | null;
  print_run: string | null;
  first_called_at: string | null;
  called_room: string | null;
};

/** Inside the check-in's transaction: the next offline number of a station's department today. */
export function prepareOfflineNumber(db: Database.Database): (key: {
  day: string;
  stationId: string;
  department: string;
}) => {
  seq: number;
  number: string;
} {
  const bump = db.prepare<[string, string, string], { last_seq: number }>(
    `INSERT INTO offline_counters (day, station_id, department, last_seq) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, station_id, department) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
  );
  return (key) => {
    const seq = bump.get(key.day, key.stationId, key.department)!.last_seq;
    return { seq, number: formatOfflineQueueNumber(key.stationId, key.department, seq) };
  };
}

export class SqliteOfflineVisits {
  constructor(
    private readonly db: Database.Database,
    private readonly write: Run,
    private readonly read: Run,
  ) {}

  /** Offline visits not yet on the server, oldest first, with their pending re-checks. */
  async pending(limit = 500): Promise<OfflineVisit[]> {
    return this.read('offline visits', () => {
      const rows = this.db
        .prepare<[number], PendingRow>(
          `SELECT * FROM visits WHERE offline = 1 AND uploaded_at IS NULL
           ORDER BY created_at, id LIMIT ?`,
        )
        .all(limit);
      const evidence = this.db.prepare<[string], OfflineEvidence>(
        `SELECT asked_at AS askedAt, query_json AS queryJson, endpoint, failure,
           http_status AS httpStatus, error_code AS errorCode, duration_ms AS durationMs,
           recheck_at AS recheckAt, recheck_code AS recheckCode, recheck_outcome AS recheckOutcome
         FROM lookup_evidence WHERE visit_id = ? ORDER BY id`,
      );
      const progressEvents = this.db.prepare<[string], OfflineProgressEvent>(
        `SELECT state, action, room, station_id AS stationId, at
         FROM visit_progress_events WHERE visit_id = ? ORDER BY id`,
      );
      const rechecks = this.db.prepare<[string], RecheckRow>(
        'SELECT * FROM recheck_queue WHERE visit_id = ? ORDER BY id',
      );
      return rows.map((row) => ({
        visit: visitFromRow(row),
        printedAt: row.printed_at,
        printOwner: { station: row.print_station, run: row.print_run },
        progressState: (row.progress ?? 'waiting') as OfflineVisit['progressState'],
        firstCalledAt: row.first_called_at,
        calledRoom: row.called_room,
        evidence: evidence.all(row.id),
        progressEvents: progressEvents.all(row.id),
        rechecks: rechecks.all(row.id).map((o): OfflineRecheck => {
          // The server numbers its own re-check rows; only what the re-check is goes up.
          const { id: _id, visitId: _visitId, ...recheck } = recheckFromRow(o);
          return recheck;
        }),
      }));
    });
  }

  async pendingCount(): Promise<number> {
    return this.read(
      'count offline visits',
      () =>
        this.db
          .prepare<[], { n: number }>(
            'SELECT count(*) AS n FROM visits WHERE offline = 1 AND uploaded_at IS NULL',
          )
          .get()!.n,
    );
  }

  /**
   * After the server committed them. Their re-checks now live on the server, so the local copies
   * go (the server's re-check worker repeats them; two workers must not).
   */
  async markUploaded(ids: readonly string[], at: string): Promise<number> {
    return this.write('mark offline visits uploaded', () => {
      const mark = this.db.prepare<[string, string]>(
        'UPDATE visits SET uploaded_at = ? WHERE id = ? AND offline = 1 AND uploaded_at IS NULL',
      );
      const dropRechecks = this.db.prepare<[string]>(
        'DELETE FROM recheck_queue WHERE visit_id = ?',
      );
      let n = 0;
      for (const id of ids) {
        n += mark.run(at, id).changes;
        dropRechecks.run(id);
      }
      return n;
    });
  }

  /** Whether this visit is one of ours still waiting for the server (changes to it stay here). */
  async isPending(id: string): Promise<boolean> {
    return this.read(
      'offline visit',
      () =>
        this.db
          .prepare<[string], { n: number }>(
            'SELECT count(*) AS n FROM visits WHERE id = ? AND offline = 1 AND uploaded_at IS NULL',
          )
          .get(id)!.n > 0,
    );
  }
}

/**
 * How many offline visits a station's file holds that the server does not have yet, read without
 * changing the file (`store status`, `doctor`): 0 when there is no file or it predates them.
 */
export function offlineVisitsWaitingIn(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(visits)').all();
    if (!columns.some((c) => c.name === 'uploaded_at')) return 0;
    return db
      .prepare<[], { n: number }>(
        'SELECT count(*) AS n FROM visits WHERE offline = 1 AND uploaded_at IS NULL',
      )
      .get()!.n;
  } finally {
    db.close();
  }
}
