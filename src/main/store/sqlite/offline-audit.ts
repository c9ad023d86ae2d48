/**
 * The audit entries in a hospital station's own file (../hospital): written there only while the
 * server was away, on their way up to it. Which ones the server has is kept in audit_uploaded
 * (migration 0013), the trail itself being append-only; an entry is marked only after the server
 * committed it, so a crash or a lost answer in between sends it again, and the server skips it
 * by its uid.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
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

/**
 * How many audit entries a station's file holds that the server does not have yet, read without
 * changing the file (`store status`): 0 when there is no file or no trail; every entry of a file
 * from before migration 0013 (which its next opening gives a uid and uploads).
 */
export function offlineAuditWaitingIn(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = (table: string): boolean =>
      db
        .prepare<[string], { n: number }>(
          "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?",
        )
        .get(table)!.n > 0;
    if (!has('audit_log')) return 0;
    const sql = has('audit_uploaded')
      ? `SELECT count(*) AS n ${PENDING}`
      : 'SELECT count(*) AS n FROM audit_log';
    return db.prepare<[], { n: number }>(sql).get()!.n;
  } finally {
    db.close();
  }
}
