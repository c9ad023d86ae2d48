/** A lookup_evidence row joined with its visit's number, as both engines store it. */
import type { EvidenceRecord, FailedLookupEvidence } from '../domain/failed-lookup';

export interface EvidenceRow {
  /** A number on SQLite, a string on PostgreSQL (bigint). */
  id: number | string;
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

export function evidenceFromRow(r: EvidenceRow): EvidenceRecord {
  return {
    id: Number(r.id),
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
  };
}

/** The columns a new record is inserted with, in this order (both engines). */
export const EVIDENCE_INSERT_COLUMNS = `visit_id, asked_at, query_json, endpoint, failure,
  http_status, error_code, duration_ms`;

export function evidenceInsertValues(visitId: string, e: FailedLookupEvidence): unknown[] {
  return [
    visitId,
    e.askedAt,
    JSON.stringify(e.query),
    e.endpoint,
    e.failure,
    e.httpStatus,
    e.errorCode,
    // An integer column; a measured duration could carry fractions of a millisecond.
    Math.round(e.durationMs),
  ];
}
