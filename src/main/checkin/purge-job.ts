/**
 * The privacy purge: personal data older than `store.retentionDays` leaves the database. Visits are
 * anonymised, not deleted: the day's numbers, departments, lanes, insurance outcomes and print
 * states stay for the hospital's statistics and so that a queue number is never reused, but the
 * person (ID number, name, date of birth, sex), the card details, staff notes and cancel reasons
 * go. Cached identities and lookups, queued re-checks and discrepancies of those days are deleted.
 * A visit is kept whole through day N of retention and anonymised the day after; its slip PDF (when
 * the `pdf` driver wrote one) is deleted the same day.
 */
import type { Logger } from '../logging/logger';
import { dayBefore, hospitalDay } from '../../shared/hospital-day';
import { purgeSlipFiles, type SlipFilesPurgeReport } from '../print/slip-files-purge';
import type { PurgeReport } from '../store/store-contract';
import type { PurgeStore } from '../store/store-ports';

export type PurgeJobReport = PurgeReport & SlipFilesPurgeReport;

export function purgeRequestFor(now: Date, retentionDays: number, timeZone: string) {
  return {
    visitsBefore: dayBefore(hospitalDay(now, timeZone), retentionDays),
    cacheBefore: new Date(now.getTime() - retentionDays * 86_400_000).toISOString(),
    at: now.toISOString(),
  };
}

export async function runPurge(
  store: PurgeStore,
  now: Date,
  retentionDays: number,
  timeZone: string,
  logger?: Logger,
  /** Where the slip PDFs are (null: this process writes none). */
  slipFolder: string | null = null,
): Promise<PurgeJobReport> {
  const request = purgeRequestFor(now, retentionDays, timeZone);
  const stored = await store.purge(request);
  // After the database: a failure here leaves files that the next run removes.
  const slips = slipFolder
    ? purgeSlipFiles(slipFolder, request.visitsBefore)
    : { slipFilesDeleted: 0 };
  const report = { ...stored, ...slips };
  logger?.info('purge', { ...report, retentionDays });
  return report;
}
