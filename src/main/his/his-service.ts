/**
 * The HIS hand-off as one service for the app, the API and the CLI: the worker in the
 * background, the desk's status (waiting, refused with the HIS's words), and "send this visit
 * now". Null when `his.enabled` is off: nothing is tracked and nothing leaves the station.
 */
import type { HisStatus } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { KioskStore } from '../store/store-contract';
import { createHisClient, type HisClient } from './his-client';
import { createHisWorker, type HisSendResult, type HisWorker } from './his-outbox-worker';

export interface HisService {
  readonly client: HisClient;
  readonly worker: HisWorker;
  /** Counts and refusals; with `ping`, also whether the HIS answers now. */
  status(options?: { ping?: boolean }): Promise<HisStatus>;
  /** Sends one visit now (a refused one included); the HIS's answer. */
  send(visitId: string): Promise<HisSendResult>;
  /** Asks for a sweep and a pass soon (after a visit changed). */
  nudge(): void;
  start(): void;
  stop(): Promise<void>;
}

export interface HisServiceOptions {
  config: KioskConfig;
  store: KioskStore;
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

  return {
    client,
    worker,
    async status(options = {}) {
      const counts = await o.store.hisOutbox.counts();
      const refusals = await o.store.hisOutbox.refusals();
      const reachable = options.ping
        ? (await client.ping(Math.min(o.config.his.requestTimeoutMs, 5000))).reachable
        : null;
      return { enabled: true, reachable, ...counts, refusals };
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
}
