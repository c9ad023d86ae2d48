/**
 * Evidence of an insurance lookup that failed at check-in (Quyết định 2555/QĐ-BYT: the patient is
 * admitted anyway, the facility keeps proof of the failed lookup and checks again later). Pure:
 * from what was asked and what came back, the record to keep - never the credentials (the
 * token, password and officer's ID travel in the query string or headers, not here).
 */
import type { InsuranceQuery, IsoDateTime, PresentedDocument } from '../../shared/domain';
import type { LookupAttempt } from './insurance-decision';
import { isUsableAnswer } from './insurance-decision';

export type LookupFailure = 'no-answer' | 'retry-later-answer';

export interface FailedLookupEvidence {
  askedAt: IsoDateTime;
  /** What was asked: the card or ID number, name and date of birth. */
  query: InsuranceQuery;
  /** Which service and endpoint, without credentials. */
  endpoint: string;
  failure: LookupFailure;
  httpStatus: number | null;
  /** Our error code (INSURANCE_TIMEOUT, CHECKIN_LOOKUP_BUDGET, ...) or the service's maKetQua. */
  errorCode: string;
  durationMs: number;
  /**
   * What the person showed (issue 21): a lookup asked with a typed number or a QR anyone could
   * make up is weaker proof than one asked from a verified chip. Absent on records kept before.
   */
  document?: PresentedDocument;
}

export interface EvidenceRecord extends FailedLookupEvidence {
  id: number;
  visitId: string;
  queueNumber: string;
  recheck: { at: IsoDateTime; code: string; outcome: string } | null;
}

/** null when the lookup answered usefully or was not made (checking switched off). */
export function failedLookupEvidence(
  attempt: LookupAttempt,
  query: InsuranceQuery,
  askedAt: Date,
  durationMs: number,
  endpoint: string,
  document: PresentedDocument | null = null,
): FailedLookupEvidence | null {
  if (attempt.kind === 'disabled') return null;
  if (attempt.kind === 'answered' && isUsableAnswer(attempt.result)) return null;
  const asked: InsuranceQuery = {
    ...(query.idNumber ? { idNumber: query.idNumber } : {}),
    ...(query.cardNumber ? { cardNumber: query.cardNumber } : {}),
    fullName: query.fullName,
    dateOfBirth: query.dateOfBirth,
  };
  if (attempt.kind === 'answered') {
    return {
      askedAt: askedAt.toISOString(),
      query: asked,
      endpoint,
      failure: 'retry-later-answer',
      httpStatus: 200,
      errorCode: attempt.result.code,
      durationMs,
      ...(document ? { document } : {}),
    };
  }
  const status = /HTTP (\d{3})/.exec(attempt.error.detail ?? '')?.[1];
  return {
    askedAt: askedAt.toISOString(),
    query: asked,
    endpoint,
    failure: 'no-answer',
    httpStatus: status ? Number(status) : null,
    errorCode: attempt.error.code,
    durationMs,
    ...(document ? { document } : {}),
  };
}
