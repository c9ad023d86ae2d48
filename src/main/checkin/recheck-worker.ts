/**
 * Repeats the lookups that check-in could not make online. Runs when the lookup service comes
 * back (its status turns online), on a timer, and on demand. Each item is leased in the database
 * before the lookup so that a second process or a restart does not repeat it meanwhile; a failed
 * attempt is put back with a doubling delay; an answer is applied in one transaction (cache,
 * visit, discrepancy, item removed). Work lives in the database, so it survives restarts.
 */
import type { Discrepancy, GatewayStatus, Visit } from '../../shared/domain';
import { toErrorShape } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import type { InsuranceService } from '../services-contract';
import type { RecheckItem } from '../store/store-contract';
import type { EvidenceStore, RecheckQueueStore, VisitStore } from '../store/store-ports';
import { isConfigurationError, isUsableAnswer } from '../domain/insurance-decision';
import { assessRecheck } from '../domain/recheck';
import { retryDelayMs } from '../util/backoff';

export interface RecheckWorkerOptions {
  store: RecheckQueueStore & EvidenceStore & Pick<VisitStore, 'getVisit'>;
  insurance: InsuranceService;
  logger: Logger;
  now: () => Date;
  /** How often to look for due items (ms). */
  intervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Each lookup gives up after this long (the service has its own, shorter timeouts too). */
  lookupTimeoutMs: number;
  batchSize?: number;
  /** Called after each applied answer (for the re-check and visits events). */
  onApplied?: (change: { visit: Visit | null; discrepancy: Discrepancy | null }) => void;
  /** Called after a pass that changed anything (items applied, dropped or deferred). */
  onPass?: (pass: RecheckPass) => void;
}

export interface RecheckPass {
  applied: number;
  deferred: number;
  dropped: number;
  discrepancies: number;
}

export interface RecheckWorker {
  /** One pass over due items (all items with `all`); concurrent calls share the running pass. */
  runOnce(options?: { all?: boolean }): Promise<RecheckPass>;
  /** Subscribes to the service's status and starts the timer. */
  start(): void;
  stop(): Promise<void>;
}

/** Re-exported for callers that knew it here; the one backoff lives in ../util/backoff. */
export { retryDelayMs };

export function createRecheckWorker(o: RecheckWorkerOptions): RecheckWorker {
  const log = o.logger.child({ svc: 'recheck' });
  const batchSize = o.batchSize ?? 20;
  let running: Promise<RecheckPass> | null = null;
  let again: { all: boolean } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let lastState: GatewayStatus['state'] | null = null;
  let stopped = false;
  const inflight = new Set<AbortController>();

  const iso = (ms = 0): string => new Date(o.now().getTime() + ms).toISOString();

  async function handle(item: RecheckItem, pass: RecheckPass): Promise<void> {
    const controller = new AbortController();
    inflight.add(controller);
    const timeout = setTimeout(
      () => controller.abort(new Error('re-check lookup timeout')),
      o.lookupTimeoutMs,
    );
    try {
      // The card is judged for the visit's day, not the day the re-check happens to run.
      const day = (await o.store.getVisit(item.visitId))?.date;
      const result = await o.insurance.lookup(item.query, { signal: controller.signal, day });
      if (!isUsableAnswer(result))
        throw Object.assign(new Error('retry later'), { code: `ANSWER_${result.code}` });
      const visit = await o.store.getVisit(item.visitId);
      const effect = assessRecheck(visit, result);
      const applied = await o.store.applyRecheck({
        recheckId: item.id,
        at: iso(),
        result,
        ...effect,
      });
      pass.applied += 1;
      if (applied.discrepancy) pass.discrepancies += 1;
      // The later answer completes the evidence of a lookup that failed at check-in (QĐ 2555).
      await o.store.lookupEvidence
        .recordRecheck(item.visitId, { at: iso(), code: result.code, outcome: result.outcome })
        .catch((err: unknown) =>
          log.warn('re-check evidence not saved', { code: toErrorShape(err).code }),
        );
      log.info('recheck applied', {
        outcome: result.outcome,
        filledIn: effect.visitInsurance !== null,
        flagged: applied.discrepancy !== null,
      });
      o.onApplied?.(applied);
    } catch (err) {
      if (stopped) return;
      const code = toErrorShape(err).code;
      if (code === 'INSURANCE_INVALID_QUERY') {
        // The query itself is refused (e.g. no date of birth): asking again cannot help.
        await o.store.dropRecheck(item.id);
        pass.dropped += 1;
        log.warn('recheck dropped', { code });
        return;
      }
      const delay = isConfigurationError(code)
        ? o.retryMaxMs
        : retryDelayMs(item.attempts, o.retryBaseMs, o.retryMaxMs);
      await o.store.deferRecheck(item.id, iso(delay), code);
      pass.deferred += 1;
      log.info('recheck deferred', { code, attempts: item.attempts + 1, delayMs: delay });
    } finally {
      clearTimeout(timeout);
      inflight.delete(controller);
    }
  }

  async function pass(all: boolean): Promise<RecheckPass> {
    const result: RecheckPass = { applied: 0, deferred: 0, dropped: 0, discrepancies: 0 };
    // Lease long enough to cover one lookup; an item left by a crash is due again after it.
    const lease = o.lookupTimeoutMs * 2;
    for (;;) {
      if (stopped) break;
      const items = await o.store.claimRechecks({
        now: iso(),
        leaseUntil: iso(lease),
        limit: batchSize,
        ignoreSchedule: all,
      });
      if (items.length === 0) break;
      for (const item of items) await handle(item, result);
      // With `all`, one sweep over what existed is enough; deferred items wait for their time.
      if (all || items.length < batchSize) break;
    }
    if (result.applied + result.deferred + result.dropped > 0) o.onPass?.(result);
    return result;
  }

  async function loop(all: boolean): Promise<RecheckPass> {
    let total = await pass(all);
    while (again && !stopped) {
      const next = again;
      again = null;
      const more = await pass(next.all);
      total = {
        applied: total.applied + more.applied,
        deferred: total.deferred + more.deferred,
        dropped: total.dropped + more.dropped,
        discrepancies: total.discrepancies + more.discrepancies,
      };
    }
    return total;
  }

  function runOnce(options: { all?: boolean } = {}): Promise<RecheckPass> {
    const all = options.all ?? false;
    if (running) {
      again = { all: all || (again?.all ?? false) };
      return running;
    }
    running = loop(all)
      .catch((err: unknown) => {
        log.warn('re-check pass failed', { code: toErrorShape(err).code });
        return { applied: 0, deferred: 0, dropped: 0, discrepancies: 0 };
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    runOnce,
    start() {
      if (timer || stopped) return;
      lastState = o.insurance.status().state;
      unsubscribe = o.insurance.onStatus((status) => {
        const back = status.state === 'online' && lastState !== 'online';
        lastState = status.state;
        if (back) void runOnce({ all: true });
      });
      timer = setInterval(() => void runOnce(), o.intervalMs);
      timer.unref();
      void runOnce();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
      for (const c of inflight) c.abort(new Error('re-check stopped'));
      await running;
    },
  };
}
