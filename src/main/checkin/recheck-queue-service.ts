/** What the desk sees of the re-check queue: how many wait, and the discrepancies to look at. */
import type { RecheckSummary } from '../../shared/domain';
import type { Logger } from '../logging/logger';
import type { RecheckQueueService } from '../services-contract';
import type { DiscrepancyStore, RecheckQueueStore, VisitStore } from '../store/store-ports';
import { checkinErrors } from '../domain/checkin-errors';
import type { Listeners } from '../util/listeners';

/** What the desk's count reads: the queue's length and the discrepancies. */
type SummaryStore = Pick<RecheckQueueStore, 'pendingRechecks'> & DiscrepancyStore;

export interface RecheckQueueServiceOptions {
  store: SummaryStore & Pick<VisitStore, 'getVisit'>;
  logger: Logger;
  now: () => Date;
  changed: Listeners<RecheckSummary>;
  onVisitsChanged: (date: string) => void;
}

export async function recheckSummary(store: SummaryStore): Promise<RecheckSummary> {
  return { pending: await store.pendingRechecks(), flagged: await store.discrepancies() };
}

export function createRecheckQueueService(o: RecheckQueueServiceOptions): RecheckQueueService {
  return {
    summary: () => recheckSummary(o.store),
    async resolve(discrepancyId: string): Promise<{ visitId: string | null }> {
      const open = (await o.store.discrepancies()).find((d) => d.id === discrepancyId);
      if (!(await o.store.resolveDiscrepancy(discrepancyId, o.now().toISOString()))) {
        throw checkinErrors.discrepancyNotFound(discrepancyId);
      }
      o.logger.info('discrepancy resolved', { discrepancyId });
      o.changed.emit(await recheckSummary(o.store));
      if (open) {
        const visit = await o.store.getVisit(open.visitId);
        if (visit) o.onVisitsChanged(visit.date);
      }
      return { visitId: open?.visitId ?? null };
    },
    onChanged: (listener) => o.changed.on(listener),
  };
}
