/**
 * One upload of the station's offline visits, then of its offline audit entries, to the
 * hospital's server, in batches, oldest first. A batch is marked uploaded on the station only
 * after the server committed it: a crash, a lost connection or a full disk in between leaves it
 * waiting, and the next upload sends it again, which the server skips (it imports visits by id,
 * audit entries by uid). Logs carry counts and visit ids, never names.
 */
import type { Logger } from '../../logging/logger';
import type { OfflineAuditImporter } from '../audit-contract';
import type { OfflineVisitImporter } from '../offline-visits-contract';
import type { SqliteOfflineAudit } from '../sqlite/offline-audit';
import type { SqliteOfflineVisits } from '../sqlite/offline-visits';

export const UPLOAD_BATCH = 200;

/** The days whose visits changed on the server (for the other screens to refresh). */
export async function uploadOfflineVisits(o: {
  local: SqliteOfflineVisits;
  server: OfflineVisitImporter;
  at: () => string;
  logger: Logger;
  batch?: number;
}): Promise<string[]> {
  const days = new Set<string>();
  for (;;) {
    const batch = await o.local.pending(o.batch ?? UPLOAD_BATCH);
    if (batch.length === 0) break;
    const report = await o.server.importOfflineVisits(batch);
    await o.local.markUploaded(
      batch.map((b) => b.visit.id),
      o.at(),
    );
    for (const b of batch) days.add(b.visit.date);
    o.logger.info('offline visits uploaded', {
      imported: report.imported.length,
      alreadyThere: report.alreadyThere.length,
    });
    if (report.alsoCheckedInOnline.length > 0) {
      // Both visits stay; staff see two slips for one person and department on the desk.
      o.logger.warn('offline visits of people also checked in online', {
        visits: report.alsoCheckedInOnline,
      });
    }
  }
  return [...days];
}

/**
 * The staff actions recorded on the station while the server was away, after the visits they
 * name: the same way, in batches, oldest first, marked only after the server committed; the
 * server takes each once by its uid. Logs carry counts only.
 */
export async function uploadOfflineAudit(o: {
  local: SqliteOfflineAudit;
  server: OfflineAuditImporter;
  at: () => string;
  logger: Logger;
  batch?: number;
}): Promise<void> {
  for (;;) {
    const batch = await o.local.pending(o.batch ?? UPLOAD_BATCH);
    if (batch.length === 0) return;
    const report = await o.server.importOfflineEntries(batch.map(({ id: _id, ...e }) => e));
    await o.local.markUploaded(
      batch.map((e) => e.uid),
      o.at(),
    );
    o.logger.info('offline audit entries uploaded', report);
  }
}
