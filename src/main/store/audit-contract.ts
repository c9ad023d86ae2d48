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

/** The server's side of the upload of a station's offline entries (./hospital/offline-upload.ts). */
export interface OfflineAuditImporter {
  /**
   * Inserts the entries with their uids in one transaction; an entry whose uid is already there
   * is skipped (idempotent: an upload repeated after a lost answer never duplicates).
   */
  importOfflineEntries(
    entries: readonly NewAuditEntry[],
  ): Promise<{ imported: number; alreadyThere: number }>;
}
