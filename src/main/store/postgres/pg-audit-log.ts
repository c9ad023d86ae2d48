/**
 * The audit trail on the hospital's PostgreSQL server (table audit_log, pg migrations 0007 and
 * 0011), the same behaviour as the station's SQLite one (../sqlite/audit-log.ts).
 */
import type pg from 'pg';
import type { AuditEntry } from '../../../shared/domain';
import type { AuditStore, NewAuditEntry, OfflineAuditImporter } from '../audit-contract';
import {
  AUDIT_INSERT_COLUMNS,
  auditFromRow,
  auditInsertValues,
  type AuditRow,
} from '../audit-rows';
import { inPgTransaction, pgRead } from './pg-pool';

export class PgAuditLog implements AuditStore, OfflineAuditImporter {
  constructor(private readonly pool: pg.Pool) {}

  async append(e: NewAuditEntry): Promise<void> {
    await inPgTransaction(this.pool, 'record staff action', (c) =>
      c.query(
        `INSERT INTO audit_log (${AUDIT_INSERT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        auditInsertValues(e),
      ),
    );
  }

  /** A station's offline entries, each once by its uid (../hospital/offline-upload.ts). */
  async importOfflineEntries(
    entries: readonly NewAuditEntry[],
  ): Promise<{ imported: number; alreadyThere: number }> {
    return inPgTransaction(this.pool, 'import offline audit entries', async (c) => {
      let imported = 0;
      for (const e of entries) {
        const r = await c.query(
          `INSERT INTO audit_log (${AUDIT_INSERT_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (uid) DO NOTHING`,
          auditInsertValues(e),
        );
        imported += r.rowCount ?? 0;
      }
      return { imported, alreadyThere: entries.length - imported };
    });
  }

  async between(from: string, to: string): Promise<AuditEntry[]> {
    const rows = await pgRead<AuditRow>(
      this.pool,
      'read audit trail',
      'SELECT * FROM audit_log WHERE day BETWEEN $1 AND $2 ORDER BY at, id',
      [from, to],
    );
    return rows.map(auditFromRow);
  }

  async forVisit(visitId: string): Promise<AuditEntry[]> {
    const rows = await pgRead<AuditRow>(
      this.pool,
      'read audit trail',
      'SELECT * FROM audit_log WHERE visit_id = $1 ORDER BY at, id',
      [visitId],
    );
    return rows.map(auditFromRow);
  }
}
