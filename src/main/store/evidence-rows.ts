/** A lookup_evidence row joined with its visit's number, as both engines store it. */
import { PRESENTED_DOCUMENTS, type PresentedDocument } from '../../shared/domain';
import type { EvidenceRecord, FailedLookupEvidence } from '../domain/failed-lookup';

/**
 * query_json holds what was asked and, beside it under this key, the document the person showed
 * (issue 21): the evidence of one lookup stays one record, with no new column. The offline upload
 * copies query_json as it is, so the document travels with it. InsuranceQuery has no such key.
 */
const DOCUMENT_KEY = 'document';

type StoredQuery = EvidenceRecord['query'] & { [DOCUMENT_KEY]?: unknown };

function queryJson(e: FailedLookupEvidence): string {
  const stored: StoredQuery = e.document ? { ...e.query, [DOCUMENT_KEY]: e.document } : e.query;
  return JSON.stringify(stored);
}

function fromQueryJson(json: string): Pick<EvidenceRecord, 'query' | 'document'> {
  const { [DOCUMENT_KEY]: document, ...query } = JSON.parse(json) as StoredQuery;
  // Only a value we write is read back as a document; records kept before have none.
  const known = PRESENTED_DOCUMENTS.includes(document as PresentedDocument);
  return { query, ...(known ? { document: document as PresentedDocument } : {}) };
}

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
    ...fromQueryJson(r.query_json),
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
    queryJson(e),
    e.endpoint,
    e.failure,
    e.httpStatus,
    e.errorCode,
    // An integer column; a measured duration could carry fractions of a millisecond.
    Math.round(e.durationMs),
  ];
}
