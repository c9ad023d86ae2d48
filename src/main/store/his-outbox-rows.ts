/** A his_outbox row as both engines store it (same columns on SQLite and PostgreSQL). */
import type { HisDeliveryState, HisOutboxItem, HisRefusal } from './his-outbox-contract';

export interface HisOutboxRow {
  visit_id: string;
  state: string;
  bundle_hash: string;
  sent_hash: string | null;
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  appointment_id: string | null;
  updated_at: string;
  sent_at: string | null;
}

export function hisOutboxItemFromRow(r: HisOutboxRow): HisOutboxItem {
  return {
    visitId: r.visit_id,
    state: r.state as HisDeliveryState,
    bundleHash: r.bundle_hash,
    sentHash: r.sent_hash,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    appointmentId: r.appointment_id,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  };
}

/** A refused item joined with its visit's number and day. */
export interface HisRefusalRow {
  visit_id: string;
  queue_number: string;
  day: string;
  last_status: number | null;
  last_error: string | null;
  updated_at: string;
}

export const HIS_REFUSALS_SQL = `
  SELECT h.visit_id, v.queue_number, v.day, h.last_status, h.last_error, h.updated_at
  FROM his_outbox h JOIN visits v ON v.id = h.visit_id
  WHERE h.state = 'refused' ORDER BY h.updated_at, h.visit_id`;

export function hisRefusalFromRow(r: HisRefusalRow): HisRefusal {
  return {
    visitId: r.visit_id,
    queueNumber: r.queue_number,
    date: r.day,
    status: r.last_status,
    text: r.last_error ?? '',
    at: r.updated_at,
  };
}

/** Counts per state (COUNT comes back as a string from PostgreSQL's bigint). */
export function hisOutboxCounts(rows: { state: string; n: number | string }[]) {
  const n = (s: string): number => Number(rows.find((r) => r.state === s)?.n ?? 0);
  return { waiting: n('pending'), refused: n('refused'), sent: n('sent') };
}
