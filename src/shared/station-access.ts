/**
 * Which station modes may make each request of the API contract, and receive each event. The one
 * place this is decided: main enforces it on every transport (src/main/api/station-guard.ts, used
 * by the web host and the Electron IPC bridge); the renderer only hides what main already refuses.
 *
 * A public kiosk is the station an attacker can stand at with a USB keyboard, so it gets its own
 * check-in steps and nothing else: no lists of other people, no manual identity (it would skip
 * the chip), no staff override, no reprint of an arbitrary visit. A display only shows a board.
 * Adding a request to the contract without an entry here does not compile.
 */
import type { EventName, RequestName } from './api-contract';
import type { StationMode } from './domain';

const ALL = ['kiosk', 'desk', 'room', 'display'] as const;
/** The check-in steps a patient takes on a kiosk, or staff take for a patient at the desk. */
const CHECKIN = ['kiosk', 'desk'] as const;
/** Staff at the reception desk. */
const DESK = ['desk'] as const;
/** Staff: the reception desk and the clinic rooms. */
const STAFF = ['desk', 'room'] as const;
/** Station status a working screen shows (reader, lookup service). */
const WORKING = ['kiosk', 'desk', 'room'] as const;
/** The queue board: the callers and the waiting-room display (numbers, never the list). */
const BOARD = ['desk', 'room', 'display'] as const;
/**
 * Developer panel. Main answers these only when the simulators are configured, and never on a
 * kiosk with a real reader (see station-guard).
 */
const SIMULATOR = ['kiosk', 'desk'] as const;

export const REQUEST_ACCESS = {
  'app.info': ALL,
  'readers.list': WORKING,
  'gateway.status': WORKING,

  'checkin.current': CHECKIN,
  'checkin.provideKey': CHECKIN,
  'checkin.present': CHECKIN,
  'checkin.withoutCard': CHECKIN,
  'checkin.noDocuments': CHECKIN,
  'checkin.manualIdentity': DESK,
  'checkin.choose': CHECKIN,
  'checkin.override': DESK,
  'checkin.acceptChip': DESK,
  'checkin.faceResult': CHECKIN,
  'face.instructionAudio': CHECKIN,
  'checkin.retry': CHECKIN,
  'checkin.reset': CHECKIN,
  'checkin.reprint': CHECKIN,

  'visits.list': STAFF,
  'visits.cancel': DESK,
  'visits.reprint': DESK,
  'visits.sendOn': DESK,

  'queue.callNext': STAFF,
  'queue.act': STAFF,
  'queue.board': BOARD,
  'queue.audio': BOARD,

  'recheck.summary': DESK,
  'recheck.resolve': DESK,

  'insurance.setChecking': DESK,

  'his.status': DESK,
  'his.resend': DESK,
  'evidence.count': DESK,
  'store.status': STAFF,

  'staff.current': DESK,
  'staff.signIn': DESK,
  'staff.signInWithCard': DESK,
  'staff.signOut': DESK,
  'audit.visit': DESK,

  'sim.catalog': SIMULATOR,
  'sim.insertCard': SIMULATOR,
  'sim.removeCard': SIMULATOR,
  'sim.scanQr': SIMULATOR,
  'sim.setGateway': SIMULATOR,
} as const satisfies Record<RequestName, readonly StationMode[]>;

export const EVENT_ACCESS = {
  'readers.changed': WORKING,
  'gateway.changed': WORKING,
  'checkin.state': CHECKIN,
  'visits.changed': STAFF,
  'print.changed': CHECKIN,
  'recheck.changed': DESK,
  'queue.changed': BOARD,
  'his.changed': DESK,
  'store.changed': STAFF,
  'staff.changed': DESK,
} as const satisfies Record<EventName, readonly StationMode[]>;

export function mayRequest(mode: StationMode, name: RequestName): boolean {
  return (REQUEST_ACCESS[name] as readonly StationMode[]).includes(mode);
}

export function mayReceive(mode: StationMode, name: EventName): boolean {
  return (EVENT_ACCESS[name] as readonly StationMode[]).includes(mode);
}

/** The requests a station mode may make, in contract order (README, doctor). */
export function requestsFor(mode: StationMode): RequestName[] {
  return (Object.keys(REQUEST_ACCESS) as RequestName[]).filter((name) => mayRequest(mode, name));
}

/**
 * Whether the developer panel (sim.* requests) may show. Never on a kiosk with a real reader:
 * patients would see it, and a simulated lookup answer could be chosen for a real card. Main
 * answers the sim.* requests only when this holds; the renderer shows the panel only then.
 */
export function developerPanelAllowed(
  mode: StationMode,
  simulated: { reader: boolean; gateway: boolean },
): boolean {
  if (mode === 'kiosk') return simulated.reader;
  if (mode === 'desk') return simulated.reader || simulated.gateway;
  return false;
}
