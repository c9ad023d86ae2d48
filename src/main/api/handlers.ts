/**
 * The one handler table: every request of the API contract, answered by the services. Electron's
 * IPC and the web host both serve exactly this table.
 */
import type { ApiHandlers } from '../../shared/api-contract';
import { kioskError } from '../../shared/errors';
import { checkinErrors } from '../domain/checkin-errors';
import type { AppInfo, StoreStatus } from '../../shared/domain';
import { disabledHisStatus, type HisService } from '../his/his-service';
import type {
  CardReaderService,
  CheckinService,
  InsuranceService,
  OutboxService,
  SimulatedCardControl,
  SimulatedGatewayControl,
  VisitsService,
} from '../services-contract';
import type { CallingService } from '../calling/calling-service';

export interface HandlerServices {
  appInfo(): AppInfo;
  cards: CardReaderService;
  insurance: InsuranceService;
  checkin: CheckinService;
  visits: VisitsService;
  outbox: OutboxService;
  calling: CallingService;
  simCards: SimulatedCardControl | null;
  simGateway: SimulatedGatewayControl | null;
  /** null when the HIS hand-off is off. */
  his: HisService | null;
  /** Today's visits with evidence of a failed lookup. */
  failedLookupsToday(): Promise<number>;
  /** Where the data lives; with the hospital's server, whether it answers. */
  storeStatus(): Promise<StoreStatus>;
  /** developerPanelAllowed() for this station: the sim.* requests are answered only then. */
  developerPanel: boolean;
}

function simulatorOff(what: string): Error {
  return kioskError(
    'SIM_UNAVAILABLE',
    `Trình mô phỏng ${what} không được bật trong cấu hình`,
    `The simulated ${what} is not configured`,
  );
}

export function createApiHandlers(s: HandlerServices): ApiHandlers {
  const simCards = (): SimulatedCardControl => {
    if (!s.simCards || !s.developerPanel) throw simulatorOff('reader');
    return s.simCards;
  };
  const simGateway = (): SimulatedGatewayControl => {
    if (!s.simGateway || !s.developerPanel) throw simulatorOff('lookup service');
    return s.simGateway;
  };
  return {
    'app.info': async () => s.appInfo(),
    'readers.list': async () => s.cards.readers(),
    'gateway.status': async () => s.insurance.status(),

    'checkin.current': async () => s.checkin.current(),
    'checkin.provideKey': async (key) => s.checkin.provideKey(key).then(() => null),
    'checkin.manualIdentity': async (input) => s.checkin.manualIdentity(input).then(() => null),
    'checkin.choose': async ({ department, lane }) => s.checkin.choose(department, lane),
    'checkin.override': async ({ decision, note }) =>
      s.checkin.override(decision, note).then(() => null),
    'checkin.faceResult': async (report) => s.checkin.faceResult(report),
    'checkin.retry': async () => s.checkin.retry().then(() => null),
    'checkin.reset': async () => {
      s.checkin.reset();
      return null;
    },
    'checkin.reprint': async () => {
      // Only the visit on screen: a kiosk must not reprint someone else's slip by its id.
      const state = s.checkin.current();
      if (state.step !== 'done') throw checkinErrors.wrongStep('reprint', state.step);
      return s.visits.reprint(state.visit.id);
    },

    'visits.list': async (filter) => s.visits.list(filter),
    'visits.cancel': async ({ visitId, reason }) => s.visits.cancel(visitId, reason),
    'visits.reprint': async ({ visitId }) => s.visits.reprint(visitId),

    'queue.callNext': async ({ room, department }) => s.calling.callNext(room, department),
    'queue.act': async ({ visitId, action, room }) => s.calling.act(visitId, action, room),
    'queue.board': async ({ rooms }) => s.calling.board(rooms),
    'queue.audio': async ({ visitId, room }) =>
      `data:audio/wav;base64,${(await s.calling.audio(visitId, room)).toString('base64')}`,

    'outbox.summary': async () => s.outbox.summary(),
    'outbox.resolve': async ({ discrepancyId }) => {
      s.outbox.resolve(discrepancyId);
      return null;
    },

    'his.status': async ({ ping }) =>
      s.his ? s.his.status({ ping: Boolean(ping) }) : disabledHisStatus(),
    'evidence.count': async () => s.failedLookupsToday(),
    'store.status': async () => s.storeStatus(),
    'his.resend': async ({ visitId }) => {
      if (!s.his) {
        throw kioskError(
          'HIS_DISABLED',
          'Chưa cấu hình gửi sang HIS (his.enabled)',
          'Sending to the HIS is not configured (his.enabled)',
        );
      }
      await s.his.send(visitId);
      return s.his.status();
    },

    'insurance.setChecking': async ({ enabled }) => {
      s.checkin.setInsuranceChecking(enabled);
      return null;
    },

    'sim.catalog': async () => simCards().catalog(),
    'sim.insertCard': async ({ index }) => {
      simCards().insert(index);
      return null;
    },
    'sim.removeCard': async () => {
      simCards().remove();
      return null;
    },
    'sim.scanQr': async ({ index }) => {
      // What a keyboard-wedge scanner pointed at the card front would deliver.
      await s.checkin.provideKey({ kind: 'qr', text: simCards().qrText(index) });
      return null;
    },
    'sim.setGateway': async ({ mode }) => {
      simGateway().setMode(mode);
      return null;
    },
  };
}
