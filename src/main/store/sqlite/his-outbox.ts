/**
 * The HIS outbox in the station's SQLite file (table his_outbox, migration 0004). Every write is
 * one IMMEDIATE transaction through the store's own `write`, so it shares the store's locking
 * and error mapping.
 */
import type Database from 'better-sqlite3';
import type {
  HisOutboxCounts,
  HisOutboxItem,
  HisOutboxStore,
  HisRefusal,
} from '../his-outbox-contract';
import {
  HIS_REFUSALS_SQL,
  hisOutboxCounts,
  hisOutboxItemFromRow as fromRow,
  hisRefusalFromRow,
  type HisOutboxRow as Row,
  type HisRefusalRow,
} from '../his-outbox-rows';

type Run = <T>(during: string, body: () => T) => T;

export class SqliteHisOutbox implements HisOutboxStore {
  constructor(
    private readonly db: Database.Database,
    private readonly write: Run,
    private readonly read: Run,
  ) {}

  async track(entries: { visitId: string; bundleHash: string }[], at: string): Promise<number> {
    const get = this.db.prepare<[string], Row>('SELECT * FROM his_outbox WHERE visit_id = ?');
    const insert = this.db.prepare(
      `INSERT INTO his_outbox (visit_id, state, bundle_hash, next_attempt_at, updated_at)
       VALUES (?, 'pending', ?, ?, ?)`,
    );
    const due = this.db.prepare(
      `UPDATE his_outbox SET state = 'pending', bundle_hash = ?, attempts = 0,
         next_attempt_at = ?, last_error = NULL, last_status = NULL, updated_at = ?
       WHERE visit_id = ?`,
    );
    return this.write('track HIS hand-off', () => {
      let n = 0;
      for (const e of entries) {
        const row = get.get(e.visitId);
        if (!row) {
          insert.run(e.visitId, e.bundleHash, at, at);
          n++;
        } else if (row.bundle_hash !== e.bundleHash && row.sent_hash !== e.bundleHash) {
          // Changed since it was last queued and it is not what the HIS already has.
          due.run(e.bundleHash, at, at, e.visitId);
          n++;
        } else if (row.bundle_hash !== e.bundleHash) {
          // Changed back to what the HIS already has: nothing to send.
          this.db
            .prepare(
              `UPDATE his_outbox SET state = 'sent', bundle_hash = ?, updated_at = ?
               WHERE visit_id = ?`,
            )
            .run(e.bundleHash, at, e.visitId);
        }
      }
      return n;
    });
  }

  async linkAppointment(visitId: string, appointmentId: string, at: string): Promise<void> {
    this.write('link appointment', () => {
      this.db
        .prepare(
          `INSERT INTO his_outbox (visit_id, state, bundle_hash, next_attempt_at, updated_at,
             appointment_id)
           VALUES (?, 'pending', '', ?, ?, ?)
           ON CONFLICT (visit_id) DO UPDATE SET appointment_id = excluded.appointment_id,
             bundle_hash = ''`,
        )
        .run(visitId, at, at, appointmentId);
    });
  }

  async claim(o: {
    now: string;
    leaseUntil: string;
    limit: number;
    visitId?: string;
  }): Promise<HisOutboxItem[]> {
    return this.write('claim HIS hand-off', () => {
      const rows = o.visitId
        ? this.db
            .prepare<[string], Row>('SELECT * FROM his_outbox WHERE visit_id = ?')
            .all(o.visitId)
        : this.db
            .prepare<[string, number], Row>(
              `SELECT * FROM his_outbox WHERE state = 'pending' AND next_attempt_at <= ?
               ORDER BY next_attempt_at LIMIT ?`,
            )
            .all(o.now, o.limit);
      const lease = this.db.prepare('UPDATE his_outbox SET next_attempt_at = ? WHERE visit_id = ?');
      for (const r of rows) lease.run(o.leaseUntil, r.visit_id);
      return rows.map(fromRow);
    });
  }

  async markSent(visitId: string, sentHash: string, status: number, at: string): Promise<void> {
    this.write('HIS accepted', () => {
      this.db
        .prepare(
          // An empty bundle_hash (a freshly linked appointment) means "whatever is current":
          // what was just sent is current.
          `UPDATE his_outbox SET sent_hash = @hash, last_status = @status, last_error = NULL,
             sent_at = @at, updated_at = @at, attempts = 0,
             state = CASE WHEN bundle_hash IN (@hash, '') THEN 'sent' ELSE 'pending' END,
             bundle_hash = CASE WHEN bundle_hash = '' THEN @hash ELSE bundle_hash END,
             next_attempt_at = @at
           WHERE visit_id = @visitId`,
        )
        .run({ hash: sentHash, status, at, visitId });
    });
  }

  async markDeferred(
    visitId: string,
    nextAttemptAt: string,
    status: number | null,
    error: string,
    at: string,
  ): Promise<void> {
    this.write('HIS retry later', () => {
      this.db
        .prepare(
          `UPDATE his_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?,
             last_error = ?, updated_at = ? WHERE visit_id = ? AND state = 'pending'`,
        )
        .run(nextAttemptAt, status, error, at, visitId);
    });
  }

  async markRefused(visitId: string, status: number, text: string, at: string): Promise<void> {
    this.write('HIS refused', () => {
      this.db
        .prepare(
          `UPDATE his_outbox SET state = 'refused', attempts = attempts + 1, last_status = ?,
             last_error = ?, updated_at = ? WHERE visit_id = ?`,
        )
        .run(status, text, at, visitId);
    });
  }

  async resend(visitId: string, at: string): Promise<boolean> {
    return this.write('resend to HIS', () => {
      const r = this.db
        .prepare(
          `UPDATE his_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?,
             updated_at = ? WHERE visit_id = ?`,
        )
        .run(at, at, visitId);
      return r.changes > 0;
    });
  }

  async get(visitId: string): Promise<HisOutboxItem | null> {
    return this.read('read HIS hand-off', () => {
      const row = this.db
        .prepare<[string], Row>('SELECT * FROM his_outbox WHERE visit_id = ?')
        .get(visitId);
      return row ? fromRow(row) : null;
    });
  }

  async counts(): Promise<HisOutboxCounts> {
    return this.read('count HIS hand-off', () => {
      const rows = this.db
        .prepare<[], { state: string; n: number }>(
          'SELECT state, COUNT(*) AS n FROM his_outbox GROUP BY state',
        )
        .all();
      return hisOutboxCounts(rows);
    });
  }

  async refusals(): Promise<HisRefusal[]> {
    return this.read('list HIS refusals', () =>
      this.db.prepare<[], HisRefusalRow>(HIS_REFUSALS_SQL).all().map(hisRefusalFromRow),
    );
  }
}
