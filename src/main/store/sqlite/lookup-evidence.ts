/** Failed-lookup evidence in the station's SQLite file (table lookup_evidence, migration 0005). */
import type Database from 'better-sqlite3';
import type { EvidenceRecord, FailedLookupEvidence } from '../../domain/failed-lookup';
import {
  EVIDENCE_INSERT_COLUMNS,
  evidenceFromRow,
  evidenceInsertValues,
  type EvidenceRow,
} from '../evidence-rows';
import type { LookupEvidenceStore } from '../evidence-contract';

type Run = <T>(during: string, body: () => T) => T;

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
          `INSERT INTO lookup_evidence (${EVIDENCE_INSERT_COLUMNS})
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...evidenceInsertValues(visitId, e));
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
        .prepare<[string, string], EvidenceRow>(
          `SELECT e.*, v.queue_number FROM lookup_evidence e JOIN visits v ON v.id = e.visit_id
           WHERE v.day BETWEEN ? AND ? ORDER BY e.asked_at, e.id`,
        )
        .all(from, to)
        .map(evidenceFromRow),
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
