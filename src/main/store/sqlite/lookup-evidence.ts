/** Failed-lookup evidence in the station's SQLite file (table lookup_evidence, migration 0005). */
import type Database from 'better-sqlite3';
import type { EvidenceRecord, FailedLookupEvidence } from '../../evidence/failed-lookup';
import type { LookupEvidenceStore } from '../evidence-contract';

type Run = <T>(during: string, body: () => T) => T;

interface Row {
  id: number;
  visit_id: string;
  queue_number: string;
  asked_at: string;
  query_json: string;
  endpoint: string;
  failure: string;
  http_status: number | null;
  error_code: string | null;
  duration_ms: number;
  recheck_at: string | null;
  recheck_code: string | null;
  recheck_outcome: string | null;
}

export class SqliteLookupEvidence implements LookupEvidenceStore {
  constructor(
    private readonly db: Database.Database,
    private readonly write: Run,
    private readonly read: Run,
  ) {}

  async record(visitId: string, e: FailedLookupEvidence): Promise<void> {
    this.write('record lookup evidence', () => {
      this.db
        .prepare(
          `INSERT INTO lookup_evidence (visit_id, asked_at, query_json, endpoint, failure,
             http_status, error_code, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          visitId,
          e.askedAt,
          JSON.stringify(e.query),
          e.endpoint,
          e.failure,
          e.httpStatus,
          e.errorCode,
          e.durationMs,
        );
    });
  }

  async recordRecheck(
    visitId: string,
    r: { at: string; code: string; outcome: string },
  ): Promise<void> {
    this.write('record re-check evidence', () => {
      this.db
        .prepare(
          `UPDATE lookup_evidence SET recheck_at = ?, recheck_code = ?, recheck_outcome = ?
           WHERE visit_id = ? AND recheck_at IS NULL`,
        )
        .run(r.at, r.code, r.outcome, visitId);
    });
  }

  async between(from: string, to: string): Promise<EvidenceRecord[]> {
    return this.read('read lookup evidence', () =>
      this.db
        .prepare<[string, string], Row>(
          `SELECT e.*, v.queue_number FROM lookup_evidence e JOIN visits v ON v.id = e.visit_id
           WHERE v.day BETWEEN ? AND ? ORDER BY e.asked_at, e.id`,
        )
        .all(from, to)
        .map((r) => ({
          id: r.id,
          visitId: r.visit_id,
          queueNumber: r.queue_number,
          askedAt: r.asked_at,
          query: JSON.parse(r.query_json) as EvidenceRecord['query'],
          endpoint: r.endpoint,
          failure: r.failure as EvidenceRecord['failure'],
          httpStatus: r.http_status,
          errorCode: r.error_code ?? '',
          durationMs: r.duration_ms,
          recheck: r.recheck_at
            ? { at: r.recheck_at, code: r.recheck_code ?? '', outcome: r.recheck_outcome ?? '' }
            : null,
        })),
    );
  }

  async count(from: string, to: string): Promise<number> {
    return this.read('count lookup evidence', () =>
      Number(
        this.db
          .prepare<[string, string], { n: number }>(
            `SELECT COUNT(*) AS n FROM lookup_evidence e JOIN visits v ON v.id = e.visit_id
             WHERE v.day BETWEEN ? AND ?`,
          )
          .get(from, to)!.n,
      ),
    );
  }
}
