/** What the desk sees of the outbox: how many re-checks wait, and the discrepancies to look at. */
import type { OutboxSummary } from '../../shared/domain';
import type { Logger } from '../logging/logger';
import type { OutboxService } from '../services-contract';
import type { KioskStore } from '../store/store-contract';
import { checkinErrors } from '../domain/checkin-errors';
import type { Listeners } from '../util/listeners';

export interface OutboxServiceOptions {
  store: KioskStore;
  logger: Logger;
  now: () => Date;
  changed: Listeners<OutboxSummary>;
  onVisitsChanged: (date: string) => void;
}

export async function outboxSummary(store: KioskStore): Promise<OutboxSummary> {
  return { pending: await store.pendingRechecks(), flagged: await store.discrepancies() };
}

export function createOutboxService(o: OutboxServiceOptions): OutboxService {
  return {
    summary: () => outboxSummary(o.store),
    async resolve(discrepancyId: string): Promise<{ visitId: string | null }> {
      const open = (await o.store.discrepancies()).find((d) => d.id === discrepancyId);
      if (!(await o.store.resolveDiscrepancy(discrepancyId, o.now().toISOString()))) {
        throw checkinErrors.discrepancyNotFound(discrepancyId);
      }
      o.logger.info('discrepancy resolved', { discrepancyId });
      o.changed.emit(await outboxSummary(o.store));
      if (open) {
        const visit = await o.store.getVisit(open.visitId);
        if (visit) o.onVisitsChanged(visit.date);
      }
      return { visitId: open?.visitId ?? null };
    },
    onChanged: (listener) => o.changed.on(listener),
  };
}
