/**
 * The evidence of failed insurance lookups (QĐ 2555/QĐ-BYT) kept with the visits: recorded at
 * check-in, completed by the later re-check's answer, exported for BHXH.
 */
import type { IsoDate, IsoDateTime } from '../../shared/domain';
import type { EvidenceRecord, FailedLookupEvidence } from '../domain/failed-lookup';

export interface LookupEvidenceStore {
  record(visitId: string, evidence: FailedLookupEvidence): Promise<void>;
  /** The re-check's answer, written on every open record of the visit. */
  recordRecheck(
    visitId: string,
    recheck: { at: IsoDateTime; code: string; outcome: string },
  ): Promise<void>;
  /** Records of visits on days `from`..`to` (inclusive), oldest first. */
  between(from: IsoDate, to: IsoDate): Promise<EvidenceRecord[]>;
  /** How many records visits of these days have (the desk shows today's). */
  count(from: IsoDate, to: IsoDate): Promise<number>;
}
