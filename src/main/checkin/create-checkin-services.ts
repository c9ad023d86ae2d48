/**
 * The check-in side of the app from its parts: the store, the card reader, the lookup service and
 * the slip printer in; the CheckinService, VisitsService and RecheckQueueService of the API out,
 * plus the re-check worker and the purge job running in the background. It creates only: the
 * composition root (../composition-root.ts) opens the store and the other parts and closes them.
 */
import type { CheckingOfficer, RecheckSummary, PrintOutcome } from '../../shared/domain';
import { toErrorShape } from '../../shared/errors';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type {
  CardReaderService,
  CheckinService,
  InsuranceService,
  RecheckQueueService,
  SlipPrinter,
  VisitsService,
} from '../services-contract';
import type { KioskStore } from '../store/store-contract';
import { checkinErrors } from '../domain/checkin-errors';
import { stationDuties } from '../domain/station-duties';
import { bookingFinderFor, type FindBooking } from './booked-appointment';
import { CheckinMachine } from './checkin-machine';
import { createListeners } from '../util/listeners';
import { createRecheckQueueService, recheckSummary } from './recheck-queue-service';
import { createRecheckWorker, type RecheckWorker } from './recheck-worker';
import { createVisitPrinting } from './print-visit';
import { runPurge, type PurgeJobReport } from './purge-job';
import { createVisitsService } from './visits-service';

export interface CheckinServicesOptions {
  config: KioskConfig;
  logger: Logger;
  store: KioskStore;
  cards: CardReaderService;
  insurance: InsuranceService;
  printer: SlipPrinter;
  now?: () => Date;
  /** The reader to check in from; default `config.reader.name` (null: any reader). */
  readerName?: string | null;
  /** Start the re-check worker and the purge timer (default true; tests drive them by hand). */
  background?: boolean;
  /** How long CARD_REMOVED stays on screen before "place the card" again (default 3 s). */
  cardRemovedHoldMs?: number;
  /** A whole chip read gives up after this long (default 30 s). */
  readTimeoutMs?: number;
  /**
   * Main's own idle reset. Default on a kiosk: twice station.idleTimeoutSeconds — the screen
   * resets first and counts touches (a person still reading the list is not idle); main is the
   * backstop for a screen that crashed or froze. None on a desk.
   */
  idleTimeoutMs?: number | null;
  /** The folder of slip PDFs the purge cleans too (default: none). */
  slipFolder?: string | null;
  /** Today's HIS booking of a person; default: from `his.appointments` (null: none asked). */
  findBooking?: FindBooking | null;
  /** The desk's signed-in officer for lookups (see CheckinMachineOptions.officer). */
  officer?: () => CheckingOfficer | null;
}

export interface CheckinServices {
  checkin: CheckinService;
  visits: VisitsService;
  recheck: RecheckQueueService;
  worker: RecheckWorker;
  /** Runs the privacy purge now (it also runs at start and every purgeIntervalHours). */
  purge(): Promise<PurgeJobReport>;
  /** Stops the background work and the machine; does not close the store or the services. */
  close(): Promise<void>;
}

export function createCheckinServices(o: CheckinServicesOptions): CheckinServices {
  const { config, store } = o;
  const now = o.now ?? (() => new Date());
  const log = o.logger.child({ svc: 'checkin-services' });
  const warn = (what: string) => (err: unknown) => log.warn(what, { code: toErrorShape(err).code });

  const visitsChanged = createListeners<{ date: string }>(warn('visits listener failed'));
  const printChanged = createListeners<PrintOutcome>(warn('print listener failed'));
  const rechecksChanged = createListeners<RecheckSummary>(warn('re-check listener failed'));
  const duties = stationDuties(config.station.mode, config.store.engine);
  const notifyRechecks = (): void => {
    if (!duties.recheckSummary) return;
    recheckSummary(store).then(
      (summary) => rechecksChanged.emit(summary),
      (err: unknown) => warn('re-check summary failed')(err),
    );
  };

  const printVisit = createVisitPrinting({
    store,
    printer: o.printer,
    logger: o.logger,
    now,
    timeoutMs: config.printer.jobTimeoutMs + 5000,
    onPrint: (outcome, visit) => {
      printChanged.emit(outcome);
      visitsChanged.emit({ date: visit.date });
    },
  });

  const checkin = new CheckinMachine({
    ...(o.officer ? { officer: o.officer } : {}),
    config,
    logger: o.logger,
    store,
    cards: o.cards,
    insurance: o.insurance,
    printVisit,
    now,
    readerName: o.readerName !== undefined ? o.readerName : config.reader.name,
    cardRemovedHoldMs: o.cardRemovedHoldMs ?? 3000,
    readTimeoutMs: o.readTimeoutMs ?? 30_000,
    idleTimeoutMs:
      o.idleTimeoutMs !== undefined
        ? o.idleTimeoutMs
        : config.station.mode === 'kiosk'
          ? config.station.idleTimeoutSeconds * 2000
          : null,
    onVisitsChanged: (date) => visitsChanged.emit({ date }),
    onRechecksChanged: notifyRechecks,
    findBooking: o.findBooking !== undefined ? o.findBooking : bookingFinderFor(config, o.logger),
  });

  const visits = createVisitsService({
    store,
    logger: o.logger,
    now,
    timeZone: config.hospital.timeZone,
    printVisit,
    departments: config.departments,
    receptionCode: config.arrivals.reception.code,
    changed: visitsChanged,
    printChanged,
    onRechecksChanged: notifyRechecks,
  });

  const recheck = createRecheckQueueService({
    store,
    logger: o.logger,
    now,
    changed: rechecksChanged,
    onVisitsChanged: (date) => visitsChanged.emit({ date }),
  });

  const worker = createRecheckWorker({
    store,
    insurance: o.insurance,
    logger: o.logger,
    now,
    intervalMs: config.store.recheckIntervalSeconds * 1000,
    retryBaseMs: config.store.recheckRetryBaseSeconds * 1000,
    retryMaxMs: config.store.recheckRetryMaxSeconds * 1000,
    lookupTimeoutMs: config.insurance.requestTimeoutMs * (config.insurance.retryCount + 2),
    onApplied: ({ visit }) => {
      if (visit) visitsChanged.emit({ date: visit.date });
    },
    onPass: notifyRechecks,
  });

  // A print of this station left "printing" by a run that is gone (crash, power cut) will never
  // finish: say so and offer the reprint rather than show a slip that never comes. The CLI
  // beside the app and other stations on a shared server keep theirs (store/print-owner.ts).
  const recovered = duties.interruptedPrints
    ? store
        .failInterruptedPrints(checkinErrors.printInterrupted().toShape())
        .then((interrupted) => {
          if (interrupted > 0)
            log.warn('prints interrupted by the last shutdown', { visits: interrupted });
        })
        .catch(warn('interrupted prints not recovered'))
    : Promise.resolve();

  const purge = (): Promise<PurgeJobReport> =>
    runPurge(
      store,
      now(),
      config.store.retentionDays,
      config.hospital.timeZone,
      log,
      o.slipFolder ?? null,
    );
  let purgeTimer: NodeJS.Timeout | null = null;
  if (o.background ?? true) {
    if (duties.runRechecks) worker.start();
    if (duties.purge) {
      const safePurge = (): void => {
        purge().catch(warn('purge failed'));
      };
      setImmediate(safePurge).unref();
      purgeTimer = setInterval(safePurge, config.store.purgeIntervalHours * 3_600_000);
      purgeTimer.unref();
    }
  }

  return {
    checkin,
    visits,
    recheck,
    worker,
    purge,
    async close() {
      if (purgeTimer) clearInterval(purgeTimer);
      purgeTimer = null;
      await worker.stop();
      await checkin.close();
      await recovered;
      visitsChanged.clear();
      printChanged.clear();
      rechecksChanged.clear();
    },
  };
}
