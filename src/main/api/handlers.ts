/**
 * The one handler table: every request of the API contract, answered by the services. Electron's
 * IPC and the web host both serve exactly this table.
 */
import type { ApiHandlers } from '../../shared/api-contract';
import { kioskError } from '../../shared/errors';
import type { AppInfo, StoreStatus } from '../../shared/domain';
import { disabledHisStatus, type HisService } from '../his/his-service';
import type {
  CardReaderService,
  CheckinService,
  InsuranceService,
  RecheckQueueService,
  SimulatedCardControl,
  SimulatedGatewayControl,
  VisitsService,
} from '../services-contract';
import type { CallingService } from '../calling/calling-service';
import type { FaceInstructionSpeech } from '../calling/speech/face-instructions';
import { staffHandlers, type StaffServices } from './staff-handlers';

export interface HandlerServices {
  appInfo(): AppInfo;
  cards: CardReaderService;
  insurance: InsuranceService;
  checkin: CheckinService;
  visits: VisitsService;
  recheck: RecheckQueueService;
  calling: CallingService;
  /** The face check's spoken instructions (fixed sentences, cached). */
  faceSpeech: FaceInstructionSpeech;
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
  /** The desk's officer, its staff actions and their audit trail (issue 22). */
  staff: StaffServices;
}

/** A staff decision while these are on screen is accepting a chip that was not verified. */

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
    'checkin.present': async ({ text }) => s.checkin.present(text).then(() => null),
    'checkin.withoutCard': async () => s.checkin.withoutCard().then(() => null),
    'checkin.noDocuments': async () => s.checkin.noDocuments(),
    'checkin.manualIdentity': async (input) =>
      s.staff.actions
        .forPersonOnScreen({ action: 'manual-identity' }, () => s.checkin.manualIdentity(input))
        .then(() => null),
    'checkin.choose': async ({ department, lane }) =>
      // A priority lane chosen at the desk is staff's decision; a kiosk's is the patient's.
      s.staff.mode === 'desk' && lane !== 'normal'
        ? s.staff.actions.run(
            (visit) => ({ action: 'lane-changed', visitId: visit.id, detail: lane }),
            () => s.checkin.choose(department, lane),
          )
        : s.checkin.choose(department, lane),
    'checkin.override': async ({ decision, note }) =>
      s.staff.actions
        .forPersonOnScreen({ action: 'override', reason: note ?? null, detail: decision }, () =>
          s.checkin.override(decision, note),
        )
        .then(() => null),
    // Who accepted: the officer the request names, else the one signed in at this desk.
    'checkin.acceptChip': async ({ officer }) =>
      s.staff.actions
        .forPersonOnScreen({ action: 'accept-unverified-chip' }, () =>
          s.checkin.acceptChip(officer ?? s.staff.sessions.currentOfficer() ?? undefined),
        )
        .then(() => null),
    'checkin.faceResult': async (report) => s.checkin.faceResult(report),
    'face.instructionAudio': async ({ instruction, language }) =>
      `data:audio/wav;base64,${(await s.faceSpeech.audio(instruction, language)).toString('base64')}`,
    'checkin.retry': async () => s.checkin.retry().then(() => null),
    'checkin.reset': async () => {
      s.checkin.reset();
      return null;
    },
    // Only the visit on screen (a kiosk must not reprint someone else's slip by its id), and
    // only as often as the station may (once on a kiosk).
    'checkin.reprint': async () => s.visits.reprint(s.checkin.claimReprint().id),

    'visits.list': async (filter) => s.visits.list(filter),
    'visits.cancel': async ({ visitId, reason }) =>
      s.staff.actions.run({ action: 'cancel', visitId, reason }, () =>
        s.visits.cancel(visitId, reason),
      ),
    'visits.reprint': async ({ visitId }) =>
      s.staff.actions.run({ action: 'reprint', visitId }, () => s.visits.reprint(visitId)),
    'visits.sendOn': async ({ visitId, department, lane }) =>
      s.staff.actions.run({ action: 'sent-on', visitId, detail: `${department} ${lane}` }, () =>
        s.visits.sendOn(visitId, department, lane),
      ),

    'queue.callNext': async ({ room, department }) => s.calling.callNext(room, department),
    'queue.act': async ({ visitId, action, room }) => s.calling.act(visitId, action, room),
    'queue.board': async ({ rooms }) => s.calling.board(rooms),
    'queue.audio': async ({ visitId, room }) =>
      `data:audio/wav;base64,${(await s.calling.audio(visitId, room)).toString('base64')}`,

    'recheck.summary': async () => s.recheck.summary(),
    'recheck.resolve': async ({ discrepancyId }) =>
      // Recorded on the visit it was about, so that the visit's history of actions shows it.
      s.staff.actions
        .run(
          ({ visitId }: { visitId: string | null }) => ({
            action: 'discrepancy-resolved',
            visitId,
            detail: discrepancyId,
          }),
          () => s.recheck.resolve(discrepancyId),
        )
        .then(() => null),

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
      const his = s.his;
      return s.staff.actions.run({ action: 'his-resend', visitId }, async () => {
        await his.send(visitId);
        return his.status();
      });
    },

    'insurance.setChecking': async ({ enabled }) => {
      s.checkin.setInsuranceChecking(enabled);
      return null;
    },

    ...staffHandlers(() => s.staff),

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
      await s.checkin.present(simCards().qrText(index));
      return null;
    },
    'sim.setGateway': async ({ mode }) => {
      simGateway().setMode(mode);
      return null;
    },
  };
}
