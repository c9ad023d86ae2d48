/**
 * Keeps the HIS up to date with the station's visits. A sweep hashes the bundle of every visit
 * of today and yesterday and records it in the HIS outbox: a visit never sent, or changed since
 * the HIS accepted it (cancelled, re-checked, ...), becomes due. A pass then claims due items
 * (leased, so a second process or a restart does not send them meanwhile), builds each bundle
 * from the visit as it is at that moment, sends it, and records the answer: accepted, refused
 * (kept for staff with the HIS's OperationOutcome), or retried later with a doubling delay.
 * The work lives in the database, and a sweep after a restart finds anything a crash left
 * unrecorded, so nothing is lost; conditional updates make any repeat harmless.
 */
import { createHash } from 'node:crypto';
import type { Department, Visit } from '../../shared/domain';
import { toErrorShape } from '../../shared/errors';
import { retryDelayMs } from '../util/backoff';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import { dayBefore, hospitalDay } from '../../shared/hospital-day';
import type { HisHandOffStore, LookupCacheStore, VisitStore } from '../store/store-ports';
import { buildVisitTransactions, type VisitTransactions } from './fhir/visit-bundle';
import type { HisClient, HisSendOutcome } from './his-client';

/** The sweep reads the day's visits, who they are and their progress; the rest is the HIS outbox. */
export type HisWorkerStore = HisHandOffStore &
  Pick<VisitStore, 'getVisit' | 'listVisits'> &
  Pick<LookupCacheStore, 'getIdentity'>;

export interface HisWorkerOptions {
  store: HisWorkerStore;
  client: HisClient;
  config: Pick<KioskConfig, 'his' | 'departments' | 'hospital'>;
  logger: Logger;
  now: () => Date;
  /** Called after a pass or a sweep that changed anything (for the desk's counts). */
  onChange?: () => void;
}

export interface HisPass {
  accepted: number;
  refused: number;
  deferred: number;
}

export interface HisWorker {
  /** Records the current state of recent visits; returns how many became due. */
  sweep(): Promise<number>;
  /** One pass over due items, or over one visit (regardless of its schedule). */
  runOnce(options?: { visitId?: string }): Promise<HisPass & { results: HisSendResult[] }>;
  /** A sweep and a pass now; asked while one runs, another right after it (and waits for it). */
  runSoon(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export interface HisSendResult {
  visitId: string;
  outcome: HisSendOutcome;
}

function departmentOf(config: HisWorkerOptions['config'], code: string): Department {
  return (
    config.departments.find((d) => d.code === code) ?? {
      code,
      name: { vi: code, en: code },
      room: { vi: '', en: '' },
      directions: null,
    }
  );
}

export function bundleHash(transactions: VisitTransactions): string {
  return createHash('sha256').update(JSON.stringify(transactions)).digest('hex');
}

/**
 * Sends the visit's transactions in order; the first that is not accepted is the answer (the
 * rest wait for the next attempt, which starts again from the first: both are idempotent).
 */
export async function sendVisit(
  client: HisClient,
  transactions: VisitTransactions,
): Promise<HisSendOutcome> {
  let last: HisSendOutcome | null = null;
  for (const bundle of [transactions.ensure, transactions.update]) {
    last = await client.sendTransaction(bundle);
    if (last.kind !== 'accepted') return last;
  }
  return last!;
}

export function createHisWorker(o: HisWorkerOptions): HisWorker {
  const log = o.logger.child({ svc: 'his' });
  const { his } = o.config;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const iso = (ms = 0): string => new Date(o.now().getTime() + ms).toISOString();

  async function bundleFor(visit: Visit, appointmentId: string | null): Promise<VisitTransactions> {
    const cached = await o.store.getIdentity(visit.patient.idNumber);
    return buildVisitTransactions({
      visit,
      identity: cached
        ? {
            placeOfResidence: cached.identity.placeOfResidence,
            oldIdNumber: cached.identity.oldIdNumber,
          }
        : null,
      department: departmentOf(o.config, visit.department),
      facilityCode: o.config.hospital.facilityCode,
      appointmentId,
      systems: his.systems,
      // What happened between two sends (another station's changes, a quick "patient in" then
      // "done", the HIS away) reaches it as the Encounter's status history, and changes the hash.
      progress: await o.store.progressChanges(visit.id),
    });
  }

  async function sweep(): Promise<number> {
    const now = o.now();
    const entries: { visitId: string; bundleHash: string }[] = [];
    const today = hospitalDay(now, o.config.hospital.timeZone);
    for (const date of [dayBefore(today, 1), today]) {
      const visits = await o.store.listVisits({ date, includeCancelled: true });
      for (const v of visits) {
        // An anonymised visit (purged) has nothing left to tell the HIS.
        if (!v.patient.idNumber) continue;
        const item = await o.store.hisOutbox.get(v.id);
        entries.push({
          visitId: v.id,
          bundleHash: bundleHash(await bundleFor(v, item?.appointmentId ?? null)),
        });
      }
    }
    const due = await o.store.hisOutbox.track(entries, iso());
    if (due > 0) o.onChange?.();
    return due;
  }

  async function runOnce(options: { visitId?: string } = {}) {
    const pass: HisPass & { results: HisSendResult[] } = {
      accepted: 0,
      refused: 0,
      deferred: 0,
      results: [],
    };
    const items = await o.store.hisOutbox.claim({
      now: iso(),
      leaseUntil: iso(his.requestTimeoutMs * 2 + 5000),
      limit: 20,
      ...(options.visitId ? { visitId: options.visitId } : {}),
    });
    for (const item of items) {
      const visit = await o.store.getVisit(item.visitId);
      if (!visit || !visit.patient.idNumber) continue;
      const bundle = await bundleFor(visit, item.appointmentId);
      const hash = bundleHash(bundle);
      const outcome = await sendVisit(o.client, bundle);
      pass.results.push({ visitId: item.visitId, outcome });
      if (outcome.kind === 'accepted') {
        await o.store.hisOutbox.markSent(item.visitId, hash, outcome.status, iso());
        pass.accepted++;
      } else if (outcome.kind === 'refused') {
        await o.store.hisOutbox.markRefused(item.visitId, outcome.status, outcome.text, iso());
        // The HIS's text may quote the patient: it goes to the desk, not to the log.
        log.warn('HIS refused a visit', { status: outcome.status });
        pass.refused++;
      } else {
        const delay = retryDelayMs(item.attempts, his.retryBaseMs, his.retryMaxMs);
        await o.store.hisOutbox.markDeferred(
          item.visitId,
          iso(delay),
          outcome.status,
          outcome.text,
          iso(),
        );
        log.info('HIS hand-off deferred', { status: outcome.status, attempts: item.attempts + 1 });
        pass.deferred++;
      }
    }
    if (items.length > 0) o.onChange?.();
    return pass;
  }

  let again = false;
  /**
   * A sweep and a pass. A trigger while one runs is not dropped: it asks for another round after
   * the current one (whose sweep may have looked before the change), and its caller waits for
   * that round, so each state the visit passed through while the worker was busy goes out, in
   * order, rather than only the last one at the next interval.
   */
  async function tick(): Promise<void> {
    if (running) {
      again = true;
      await running;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await sweep();
          await runOnce();
        } catch (err) {
          log.warn('HIS pass failed', { code: toErrorShape(err).code });
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  }

  return {
    sweep,
    runOnce,
    runSoon: tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), his.intervalMs);
      timer.unref?.();
      void tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
