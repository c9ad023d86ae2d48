/** The audit trail in the station's SQLite file (table audit_log, migrations 0010 and 0013). */
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/domain';
import type { AuditStore, NewAuditEntry } from '../audit-contract';
import {
  AUDIT_INSERT_COLUMNS,
  auditFromRow,
  auditInsertValues,
  type AuditRow,
} from '../audit-rows';

type Run = <T>(during: string, body: () => T) => T;

export class SqliteAuditLog implements AuditStore {
  constructor(
    private readonly db: Database.Database,
    private readonly write: Run,
    private readonly read: Run,
  ) {}

  async append(e: NewAuditEntry): Promise<void> {
    this.write('record staff action', () => {
      this.db
        .prepare(
          `INSERT INTO audit_log (${AUDIT_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...auditInsertValues(e));
    });
  }

  async between(from: string, to: string): Promise<AuditEntry[]> {
    return this.read('read audit trail', () =>
      this.db
        .prepare<[string, string], AuditRow>(
          'SELECT * FROM audit_log WHERE day BETWEEN ? AND ? ORDER BY at, id',
        )
        .all(from, to)
        .map(auditFromRow),
    );
  }

  async forVisit(visitId: string): Promise<AuditEntry[]> {
    return this.read('read audit trail', () =>
      this.db
        .prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE visit_id = ? ORDER BY at, id')
        .all(visitId)
        .map(auditFromRow),
    );
  }
}
