/**
 * Hands a committed visit to the slip printer and records how it went on the visit. The visit is
 * already saved: a failed, slow or crashing printer only changes its print state, so nothing is
 * lost and a reprint never makes a second visit.
 */
import type { PrintOutcome, Visit } from '../../shared/domain';
import { KioskError, toErrorShape } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import type { SlipPrinter } from '../services-contract';
import type { VisitStore } from '../store/store-ports';
import { checkinErrors } from '../domain/checkin-errors';

export interface VisitPrintingOptions {
  store: Pick<VisitStore, 'recordPrint'>;
  printer: SlipPrinter;
  logger: Logger;
  now: () => Date;
  /** The printer has its own job timeout; this guards against one that never answers at all. */
  timeoutMs: number;
  onPrint?: (outcome: PrintOutcome, visit: Visit) => void;
}

export type PrintVisit = (visit: Visit) => Promise<{ visit: Visit; outcome: PrintOutcome }>;

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function createVisitPrinting(o: VisitPrintingOptions): PrintVisit {
  const log = o.logger.child({ svc: 'checkin-print' });
  const record = async (visit: Visit, outcome: PrintOutcome): Promise<Visit> => {
    try {
      const at = o.now().toISOString();
      return (await o.store.recordPrint(visit.id, outcome.status, outcome.error, at)) ?? visit;
    } catch (err) {
      // The slip's fate is known even if the database cannot take it right now.
      log.warn('print state not saved', { code: toErrorShape(err).code });
      return { ...visit, printStatus: outcome.status, printError: outcome.error };
    }
  };
  return async (visit) => {
    const printing = await record(visit, { visitId: visit.id, status: 'printing', error: null });
    o.onPrint?.({ visitId: visit.id, status: 'printing', error: null }, printing);
    const outcome = await withTimeout<PrintOutcome>(
      // The store does not keep the booked time; the slip printed now still shows it.
      o.printer
        .print({ ...printing, ...(visit.bookedStart ? { bookedStart: visit.bookedStart } : {}) })
        .catch((err: unknown): PrintOutcome => ({
          visitId: visit.id,
          status: 'failed',
          error: err instanceof KioskError ? err.toShape() : toErrorShape(err),
        })),
      o.timeoutMs,
      (): PrintOutcome => ({
        visitId: visit.id,
        status: 'failed',
        error: checkinErrors.printTimeout(o.timeoutMs).toShape(),
      }),
    );
    const saved = await record(visit, outcome);
    log.info('slip', { status: outcome.status, code: outcome.error?.code ?? null });
    o.onPrint?.(outcome, saved);
    return { visit: saved, outcome };
  };
}
