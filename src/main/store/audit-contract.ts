/**
 * The audit trail of staff actions (issue 22): append-only on both engines — the tables refuse
 * UPDATE and DELETE by trigger, so not even a bug or a hand-run statement rewrites history.
 */
import type { AuditEntry, IsoDate } from '../../shared/domain';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditStore {
  append(entry: NewAuditEntry): Promise<void>;
  /** Entries of hospital days `from`..`to` (inclusive), oldest first. */
  between(from: IsoDate, to: IsoDate): Promise<AuditEntry[]>;
  /** One visit's staff actions, oldest first. */
  forVisit(visitId: string): Promise<AuditEntry[]>;
}
