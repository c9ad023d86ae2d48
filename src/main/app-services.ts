/**
 * The app: every service from the composition root (./composition-root.ts), wired to the event
 * hub and the API handler table, with the desk's officer sessions and the background work the
 * station's duties ask for. Electron's main and the web host build the app through here, so they
 * run the same code. Plain Node: no `electron` import (Electron passes its print functions).
 */
import { readFileSync } from 'node:fs';
import type { ApiHandlers } from '../shared/api-contract';
import type { AppInfo } from '../shared/domain';
import { developerPanelAllowed } from '../shared/station-access';
import { EventHub } from './api/event-hub';
import type { CheckingOfficer } from '../shared/domain';
import { createApiHandlers } from './api/handlers';
import { createAuditTrail } from './staff/audit-trail';
import { createOfficerSessions, type OfficerSessions } from './staff/officer-sessions';
import { createStaffActions } from './staff/staff-actions';
import { buildAppInfo, logoDataUrl } from './app-info';
import type { CardReaderServiceHandle } from './card/reader-service';
import type { KioskConfig } from './config/schema';
import type { OpenedInsurance } from './open-insurance';
import type { Logger } from './logging/logger';
import type {
  CheckinService,
  RecheckQueueService,
  SlipPrinter,
  VisitsService,
} from './services-contract';
import { resourcePath } from './resources-path';
import { kioskCheckinView } from './checkin/kiosk-checkin-view';
import type { CallingService } from './calling/calling-service';
import { createFaceInstructionSpeech } from './calling/speech/face-instructions';
import { watchBoard } from './calling/board-watch';
import { hospitalDay } from '../shared/hospital-day';
import type { HisService } from './his/his-service';
import { createCompositionRoot, type CompositionRootOptions } from './composition-root';
import { storeSignals } from './store/hospital/store-signals';
import { stationDuties } from './domain/station-duties';

/** What the app is built from: the composition root's options (the configuration, Electron's printing). */
export type AppServicesOptions = CompositionRootOptions;

export interface AppServices {
  config: KioskConfig;
  events: EventHub;
  handlers: ApiHandlers;
  cards: CardReaderServiceHandle;
  insurance: OpenedInsurance['insurance'];
  simulatedGateway: OpenedInsurance['simulator'];
  printer: SlipPrinter;
  checkin: CheckinService;
  visits: VisitsService;
  recheck: RecheckQueueService;
  calling: CallingService;
  appInfo(): AppInfo;
  /** The desk's officer sessions (sign-in, idle / end-of-day sign-out). */
  officerSessions: OfficerSessions;
  /**
   * The officer signed in at this station as { name, idNumber }, or null: what a staff action
   * (e.g. accepting an unverified chip, issue 20) records as who did it.
   */
  currentOfficer(): CheckingOfficer | null;
  close(): Promise<void>;
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resourcePath('..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { config, dataDir } = options;
  const logger = options.logger;
  const events = new EventHub();
  const closers: Array<() => Promise<void> | void> = [];

  const root = createCompositionRoot(options);
  // The root's parts (the store last) close after everything the app wired to them.
  closers.push(() => root.close());

  try {
    const cards = await root.cards();
    const simulated = cards.simulated;
    const opened = await root.insurance();
    // The store is opened by the root and handed to every service that keeps data (check-in,
    // calling, the HIS hand-off); it closes after all of them.
    const store = await root.store();

    // The desk's officer (issue 22): created once the store is open; a desk's lookups ask it.
    let sessions: OfficerSessions | null = null;
    const checkinServices = await root.checkin(
      config.station.mode === 'desk' ? { officer: () => sessions?.lookupOfficer() ?? null } : {},
    );
    const { checkin, visits, recheck } = checkinServices;
    const now = options.now ?? (() => new Date());
    const auditTrail = createAuditTrail({
      store,
      stationId: config.station.id,
      timeZone: config.hospital.timeZone,
      officer: () => sessions?.current() ?? null,
      now,
      logger,
    });
    const officerSessions = createOfficerSessions({
      config,
      cards,
      readerName: config.reader.name,
      audit: auditTrail,
      now,
      logger,
    });
    sessions = officerSessions;
    closers.push(() => officerSessions.close());
    const staffActions = createStaffActions({
      sessions: officerSessions,
      audit: auditTrail,
      checkin,
      now,
    });
    closers.push(() => staffActions.close());
    officerSessions.onChanged((officer) => events.emit('staff.changed', officer));

    const calling = await root.calling();
    const queueChanged = (): void => {
      const date = hospitalDay(options.now?.() ?? new Date(), config.hospital.timeZone);
      events.emit('queue.changed', { date });
      events.emit('visits.changed', { date });
    };
    calling.onChanged(queueChanged);
    // The hospital's server: other stations' changes as they commit (LISTEN/NOTIFY), and the
    // server going away or coming back (the desk's banner).
    const signals = storeSignals(store);
    closers.push(
      signals.onVisitsChanged(({ date }) => {
        const day = date ?? hospitalDay(options.now?.() ?? new Date(), config.hospital.timeZone);
        events.emit('queue.changed', { date: day });
        events.emit('visits.changed', { date: day });
      }),
    );
    closers.push(signals.onStatus((status) => events.emit('store.changed', status)));
    void signals.status().then(
      (status) => events.emit('store.changed', status),
      () => undefined,
    );
    const duties = stationDuties(config.station.mode, config.store.engine);
    if (duties.boardWatch) {
      const watch = watchBoard(calling, queueChanged, {
        intervalMs: 500,
        onError: (err) => logger.warn('queue board watch failed', { error: String(err) }),
      });
      closers.push(() => watch.stop());
    }
    // The HIS hand-off (off unless his.enabled): every visit change nudges a sweep.
    let his: HisService | null = null;
    his = !duties.hisHandOff
      ? null
      : await root.his({
          onChange: () => {
            void his
              ?.status()
              .then((status) => events.emit('his.changed', status))
              .catch(() => undefined);
          },
        });
    if (his) {
      const started = his;
      visits.onChanged(() => started.nudge());
      started.start();
    }

    // Every service change becomes an event for every transport.
    cards.onReadersChanged((readers) => events.emit('readers.changed', readers));
    opened.insurance.onStatus((status) => events.emit('gateway.changed', status));
    // A public kiosk hears only what its screen shows (domain/kiosk-state-view.ts).
    const shown = config.station.mode === 'kiosk' ? kioskCheckinView(checkin) : checkin;
    shown.onState((state) => events.emit('checkin.state', state));
    visits.onChanged((change) => events.emit('visits.changed', change));
    visits.onPrintChanged((outcome) =>
      events.emit('print.changed', {
        visitId: outcome.visitId,
        status: outcome.status,
        error: outcome.error,
      }),
    );
    recheck.onChanged((summary) => events.emit('recheck.changed', summary));
    events.emit('readers.changed', cards.readers());
    events.emit('gateway.changed', opened.insurance.status());
    events.emit('checkin.state', shown.current());

    const version = appVersion();
    const logo = logoDataUrl(config, dataDir);
    const appInfo = (): AppInfo =>
      buildAppInfo({
        config,
        version,
        logoDataUrl: logo,
        insuranceChecking: checkin.insuranceChecking(),
      });

    const handlers = createApiHandlers({
      appInfo,
      cards,
      insurance: opened.insurance,
      checkin: shown,
      visits,
      recheck,
      calling,
      faceSpeech: createFaceInstructionSpeech({
        enabled: config.face.speak,
        voice: config.queue.speech.voice,
        wordsPerMinute: config.queue.speech.wordsPerMinute,
      }),
      simCards: simulated,
      simGateway: opened.simulator,
      his,
      storeStatus: () => signals.status(),
      failedLookupsToday: () => {
        const today = hospitalDay(options.now?.() ?? new Date(), config.hospital.timeZone);
        return store.lookupEvidence.count(today, today);
      },
      developerPanel: developerPanelAllowed(config.station.mode, {
        reader: Boolean(simulated),
        gateway: Boolean(opened.simulator),
      }),
      staff: {
        mode: config.station.mode,
        sessions: officerSessions,
        actions: staffActions,
        checkin,
        auditOfVisit: (visitId) => store.audit.forVisit(visitId),
      },
    });

    return {
      config,
      events,
      handlers,
      cards,
      insurance: opened.insurance,
      simulatedGateway: opened.simulator,
      printer: root.printer(),
      checkin,
      visits,
      recheck,
      calling,
      appInfo,
      officerSessions,
      currentOfficer: () => officerSessions.currentOfficer(),
      close: () => closeAll(closers, logger),
    };
  } catch (err) {
    await closeAll(closers, logger);
    throw err;
  }
}

/** Closes in reverse order of opening; one failure does not keep the rest open. */
async function closeAll(closers: Array<() => Promise<void> | void>, logger: Logger): Promise<void> {
  for (const close of closers.reverse()) {
    try {
      await close();
    } catch (err) {
      logger.warn('close failed', { error: String(err) });
    }
  }
}
