/**
 * Failed-lookup evidence on the hospital's PostgreSQL server (table lookup_evidence, pg migration
 * 0003), the same behaviour as the station's SQLite one (../sqlite/lookup-evidence.ts).
 */
import type pg from 'pg';
import type { EvidenceRecord, FailedLookupEvidence } from '../../domain/failed-lookup';
import type { LookupEvidenceStore } from '../evidence-contract';
import {
  EVIDENCE_INSERT_COLUMNS,
  evidenceFromRow,
  evidenceInsertValues,
  type EvidenceRow,
} from '../evidence-rows';
import { inPgTransaction, pgRead } from './pg-pool';

export class PgLookupEvidence implements LookupEvidenceStore {
  constructor(private readonly pool: pg.Pool) {}

  async record(visitId: string, e: FailedLookupEvidence): Promise<void> {
    await inPgTransaction(this.pool, 'record lookup evidence', (c) =>
      c.query(
        `INSERT INTO lookup_evidence (${EVIDENCE_INSERT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        evidenceInsertValues(visitId, e),
      ),
    );
  }

  async recordRecheck(
    visitId: string,
    r: { at: string; code: string; outcome: string },
  ): Promise<void> {
    await inPgTransaction(this.pool, 'record re-check evidence', (c) =>
      c.query(
        `UPDATE lookup_evidence SET recheck_at = $1, recheck_code = $2, recheck_outcome = $3
         WHERE visit_id = $4 AND recheck_at IS NULL`,
        [r.at, r.code, r.outcome, visitId],
      ),
    );
  }

  async between(from: string, to: string): Promise<EvidenceRecord[]> {
    const rows = await pgRead<EvidenceRow>(
      this.pool,
      'read lookup evidence',
      `SELECT e.*, v.queue_number FROM lookup_evidence e JOIN visits v ON v.id = e.visit_id
       WHERE v.day BETWEEN $1 AND $2 ORDER BY e.asked_at, e.id`,
      [from, to],
    );
    return rows.map(evidenceFromRow);
  }

  async count(from: string, to: string): Promise<number> {
    const rows = await pgRead<{ n: string }>(
      this.pool,
      'count lookup evidence',
      `SELECT COUNT(*) AS n FROM lookup_evidence e JOIN visits v ON v.id = e.visit_id
       WHERE v.day BETWEEN $1 AND $2`,
      [from, to],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
