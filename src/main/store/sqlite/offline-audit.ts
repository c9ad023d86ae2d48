/**
 * The audit entries in a hospital station's own file (../hospital): written there only while the
 * server was away, on their way up to it. Which ones the server has is kept in audit_uploaded
 * (migration 0013), the trail itself being append-only; an entry is marked only after the server
 * committed it, so a crash or a lost answer in between sends it again, and the server skips it
 * by its uid.
 */
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/domain';
import { auditFromRow, type AuditRow } from '../audit-rows';

type Run = <T>(during: string, body: () => T) => T;

const PENDING = 'FROM audit_log WHERE uid NOT IN (SELECT uid FROM audit_uploaded)';

export class SqliteOfflineAudit {
  constructor(
    private readonly db: Database.Database,
    private readonly write: Run,
    private readonly read: Run,
  ) {}

  /** Entries the server does not have yet, oldest first. */
  async pending(limit = 500): Promise<AuditEntry[]> {
    return this.read('offline audit entries', () =>
      this.db
        .prepare<[number], AuditRow>(`SELECT * ${PENDING} ORDER BY id LIMIT ?`)
        .all(limit)
        .map(auditFromRow),
    );
  }

  async pendingCount(): Promise<number> {
    return this.read(
      'count offline audit entries',
      () => this.db.prepare<[], { n: number }>(`SELECT count(*) AS n ${PENDING}`).get()!.n,
    );
  }

  /** After the server committed them (marking twice changes nothing). */
  async markUploaded(uids: readonly string[], at: string): Promise<number> {
    return this.write('mark offline audit entries uploaded', () => {
      const mark = this.db.prepare<[string, string]>(
        'INSERT INTO audit_uploaded (uid, uploaded_at) VALUES (?, ?) ON CONFLICT (uid) DO NOTHING',
      );
      let n = 0;
      for (const uid of uids) n += mark.run(uid, at).changes;
      return n;
    });
  }
}
