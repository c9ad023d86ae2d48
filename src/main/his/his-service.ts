/**
 * The HIS hand-off as one service for the app, the API and the CLI: the worker in the
 * background, the desk's status (waiting, refused with the HIS's words), and "send this visit
 * now". Null when `his.enabled` is off: nothing is tracked and nothing leaves the station.
 */
import type { HisStatus } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import { createHisClient, type HisClient } from './his-client';
import {
  createHisWorker,
  type HisPass,
  type HisSendResult,
  type HisWorker,
  type HisWorkerStore,
} from './his-outbox-worker';

export interface HisService {
  readonly client: HisClient;
  readonly worker: HisWorker;
  /**
   * Counts and refusals; with `ping`, also whether the HIS answers now; with `sweep`, after
   * recording the current state of recent visits first (so a visit never swept counts as waiting).
   */
  status(options?: { ping?: boolean; sweep?: boolean }): Promise<HisStatus>;
  /**
   * Sweeps, then sends everything due until nothing due is left (for a station without the app's
   * background worker: a script or cron); what this run did and the status after it.
   */
  deliver(): Promise<HisDelivery>;
  /** Sends one visit now (a refused one included); the HIS's answer. */
  send(visitId: string): Promise<HisSendResult>;
  /** Asks for a sweep and a pass soon (after a visit changed). */
  nudge(): void;
  start(): void;
  stop(): Promise<void>;
}

export interface HisDelivery extends HisPass {
  status: HisStatus;
}

export interface HisServiceOptions {
  config: KioskConfig;
  store: HisWorkerStore;
  logger: Logger;
  now?: () => Date;
  onChange?: () => void;
}

export function disabledHisStatus(): HisStatus {
  return { enabled: false, reachable: null, waiting: 0, refused: 0, sent: 0, refusals: [] };
}

export function openHisService(o: HisServiceOptions): HisService | null {
  if (!o.config.his.enabled || !o.config.his.fhirBaseUrl) return null;
  const now = o.now ?? (() => new Date());
  const client = createHisClient(o.config.his);
  const worker = createHisWorker({
    store: o.store,
    client,
    config: o.config,
    logger: o.logger,
    now,
    ...(o.onChange ? { onChange: o.onChange } : {}),
  });
  let nudgeTimer: NodeJS.Timeout | null = null;

  const service: HisService = {
    client,
    worker,
    async status(options = {}) {
      if (options.sweep) await worker.sweep();
      const counts = await o.store.hisOutbox.counts();
      const refusals = await o.store.hisOutbox.refusals();
      const reachable = options.ping
        ? (await client.ping(Math.min(o.config.his.requestTimeoutMs, 5000))).reachable
        : null;
      return { enabled: true, reachable, ...counts, refusals };
    },
    async deliver() {
      await worker.sweep();
      const total: HisPass = { accepted: 0, refused: 0, deferred: 0 };
      // Each pass claims up to a batch of due items; a deferred one is due again only later, so
      // the loop ends when every due visit got its answer in this run.
      for (;;) {
        const pass = await worker.runOnce();
        if (pass.results.length === 0) break;
        total.accepted += pass.accepted;
        total.refused += pass.refused;
        total.deferred += pass.deferred;
      }
      return { ...total, status: await service.status() };
    },
    async send(visitId) {
      const visit = await o.store.getVisit(visitId);
      if (!visit) {
        throw kioskError('HIS_VISIT_UNKNOWN', 'Không có lượt khám này', 'No such visit');
      }
      await worker.sweep();
      await o.store.hisOutbox.resend(visitId, now().toISOString());
      const pass = await worker.runOnce({ visitId });
      const result = pass.results.find((r) => r.visitId === visitId);
      if (!result) {
        throw kioskError(
          'HIS_NOTHING_TO_SEND',
          'Lượt khám này không có dữ liệu để gửi (đã xoá dữ liệu cá nhân)',
          'This visit has nothing left to send (personal data purged)',
        );
      }
      return result;
    },
    nudge() {
      if (nudgeTimer) return;
      nudgeTimer = setTimeout(() => {
        nudgeTimer = null;
        void worker.runSoon();
      }, 200);
      nudgeTimer.unref?.();
    },
    start: () => worker.start(),
    async stop() {
      if (nudgeTimer) clearTimeout(nudgeTimer);
      nudgeTimer = null;
      await worker.stop();
    },
  };
  return service;
}
