/**
 * The HIS outbox on the hospital's PostgreSQL server (table his_outbox, pg migration 0003), the
 * same behaviour as the station's SQLite one (../sqlite/his-outbox.ts). Several stations' HIS
 * workers share the table: a claim locks the rows it leases with FOR UPDATE SKIP LOCKED, so two
 * workers claiming at the same instant never get the same visit, and neither waits for the other.
 */
import type pg from 'pg';
import type {
  HisOutboxCounts,
  HisOutboxItem,
  HisOutboxStore,
  HisRefusal,
} from '../his-outbox-contract';
import {
  HIS_REFUSALS_SQL,
  hisOutboxCounts,
  hisOutboxItemFromRow,
  hisRefusalFromRow,
  type HisOutboxRow,
  type HisRefusalRow,
} from '../his-outbox-rows';
import { inPgTransaction, pgRead } from './pg-pool';

export class PgHisOutbox implements HisOutboxStore {
  constructor(private readonly pool: pg.Pool) {}

  async track(entries: { visitId: string; bundleHash: string }[], at: string): Promise<number> {
    if (entries.length === 0) return 0;
    return inPgTransaction(this.pool, 'track HIS hand-off', async (c) => {
      let n = 0;
      for (const e of entries) {
        // A first sight inserts; when another station's sweep inserted the same visit a moment
        // ago, the row is there to compare with (the lock below waits for its commit).
        const inserted = await c.query(
          `INSERT INTO his_outbox (visit_id, state, bundle_hash, next_attempt_at, updated_at)
           VALUES ($1, 'pending', $2, $3, $3) ON CONFLICT (visit_id) DO NOTHING`,
          [e.visitId, e.bundleHash, at],
        );
        if (inserted.rowCount === 1) {
          n++;
          continue;
        }
        const row = (
          await c.query<Pick<HisOutboxRow, 'bundle_hash' | 'sent_hash'>>(
            'SELECT bundle_hash, sent_hash FROM his_outbox WHERE visit_id = $1 FOR UPDATE',
            [e.visitId],
          )
        ).rows[0];
        if (!row || row.bundle_hash === e.bundleHash) continue;
        if (row.sent_hash !== e.bundleHash) {
          // Changed since it was last queued and it is not what the HIS already has.
          await c.query(
            `UPDATE his_outbox SET state = 'pending', bundle_hash = $1, attempts = 0,
               next_attempt_at = $2, last_error = NULL, last_status = NULL, updated_at = $2
             WHERE visit_id = $3`,
            [e.bundleHash, at, e.visitId],
          );
          n++;
        } else {
          // Changed back to what the HIS already has: nothing to send.
          await c.query(
            `UPDATE his_outbox SET state = 'sent', bundle_hash = $1, updated_at = $2
             WHERE visit_id = $3`,
            [e.bundleHash, at, e.visitId],
          );
        }
      }
      return n;
    });
  }

  async linkAppointment(visitId: string, appointmentId: string, at: string): Promise<void> {
    await inPgTransaction(this.pool, 'link appointment', (c) =>
      c.query(
        `INSERT INTO his_outbox (visit_id, state, bundle_hash, next_attempt_at, updated_at,
           appointment_id)
         VALUES ($1, 'pending', '', $2, $2, $3)
         ON CONFLICT (visit_id) DO UPDATE SET appointment_id = excluded.appointment_id,
           bundle_hash = ''`,
        [visitId, at, appointmentId],
      ),
    );
  }

  async claim(o: {
    now: string;
    leaseUntil: string;
    limit: number;
    visitId?: string;
  }): Promise<HisOutboxItem[]> {
    return inPgTransaction(this.pool, 'claim HIS hand-off', async (c) => {
      const { rows } = o.visitId
        ? // Staff asked for this one: it is picked regardless of schedule or a running lease.
          await c.query<HisOutboxRow>('SELECT * FROM his_outbox WHERE visit_id = $1 FOR UPDATE', [
            o.visitId,
          ])
        : await c.query<HisOutboxRow>(
            `SELECT * FROM his_outbox WHERE state = 'pending' AND next_attempt_at <= $1
             ORDER BY next_attempt_at, visit_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
            [o.now, o.limit],
          );
      if (rows.length > 0) {
        await c.query('UPDATE his_outbox SET next_attempt_at = $1 WHERE visit_id = ANY($2)', [
          o.leaseUntil,
          rows.map((r) => r.visit_id),
        ]);
      }
      return rows.map(hisOutboxItemFromRow);
    });
  }

  async markSent(visitId: string, sentHash: string, status: number, at: string): Promise<void> {
    await inPgTransaction(this.pool, 'HIS accepted', (c) =>
      c.query(
        // An empty bundle_hash (a freshly linked appointment) means "whatever is current":
        // what was just sent is current.
        `UPDATE his_outbox SET sent_hash = $1, last_status = $2, last_error = NULL,
           sent_at = $3, updated_at = $3, attempts = 0,
           state = CASE WHEN bundle_hash IN ($1, '') THEN 'sent' ELSE 'pending' END,
           bundle_hash = CASE WHEN bundle_hash = '' THEN $1 ELSE bundle_hash END,
           next_attempt_at = $3
         WHERE visit_id = $4`,
        [sentHash, status, at, visitId],
      ),
    );
  }

  async markDeferred(
    visitId: string,
    nextAttemptAt: string,
    status: number | null,
    error: string,
    at: string,
  ): Promise<void> {
    await inPgTransaction(this.pool, 'HIS retry later', (c) =>
      c.query(
        `UPDATE his_outbox SET attempts = attempts + 1, next_attempt_at = $1, last_status = $2,
           last_error = $3, updated_at = $4 WHERE visit_id = $5 AND state = 'pending'`,
        [nextAttemptAt, status, error, at, visitId],
      ),
    );
  }

  async markRefused(visitId: string, status: number, text: string, at: string): Promise<void> {
    await inPgTransaction(this.pool, 'HIS refused', (c) =>
      c.query(
        `UPDATE his_outbox SET state = 'refused', attempts = attempts + 1, last_status = $1,
           last_error = $2, updated_at = $3 WHERE visit_id = $4`,
        [status, text, at, visitId],
      ),
    );
  }

  async resend(visitId: string, at: string): Promise<boolean> {
    return inPgTransaction(this.pool, 'resend to HIS', async (c) => {
      const r = await c.query(
        `UPDATE his_outbox SET state = 'pending', attempts = 0, next_attempt_at = $1,
           updated_at = $1 WHERE visit_id = $2`,
        [at, visitId],
      );
      return (r.rowCount ?? 0) > 0;
    });
  }

  async get(visitId: string): Promise<HisOutboxItem | null> {
    const rows = await pgRead<HisOutboxRow>(
      this.pool,
      'read HIS hand-off',
      'SELECT * FROM his_outbox WHERE visit_id = $1',
      [visitId],
    );
    return rows[0] ? hisOutboxItemFromRow(rows[0]) : null;
  }

  async counts(): Promise<HisOutboxCounts> {
    return hisOutboxCounts(
      await pgRead<{ state: string; n: string }>(
        this.pool,
        'count HIS hand-off',
        'SELECT state, COUNT(*) AS n FROM his_outbox GROUP BY state',
      ),
    );
  }

  async refusals(): Promise<HisRefusal[]> {
    const rows = await pgRead<HisRefusalRow>(this.pool, 'list HIS refusals', HIS_REFUSALS_SQL);
    return rows.map(hisRefusalFromRow);
  }
}
