/**
 * The one API contract between the main process and any screen. Every request (name, input,
 * output) and every event main pushes is listed here. Electron IPC and the HTTP+SSE web host are
 * two transports of the same table; the renderer does not know which one it is talking to.
 */
import type {
  AccessKeyInput,
  AppInfo,
  CheckinState,
  Discrepancy,
  FaceCheckReport,
  FaceInstruction,
  FaceVerification,
  GatewayStatus,
  IsoDate,
  KioskErrorShape,
  Lane,
  Language,
  ManualIdentityInput,
  RecheckSummary,
  PrintOutcome,
  PrintStatus,
  QueueBoard,
  RoomAction,
  ReaderStatus,
  SimCardSummary,
  SimGatewayMode,
  StaffOverride,
  Visit,
  HisStatus,
  StoreStatus,
  SignedInOfficer,
  AuditEntry,
} from './domain';

export interface ApiRequests {
  'app.info': { input: null; output: AppInfo };
  'readers.list': { input: null; output: ReaderStatus[] };
  'gateway.status': { input: null; output: GatewayStatus };

  /** Current check-in state (the same value the `checkin.state` event carries). */
  'checkin.current': { input: null; output: CheckinState };
  /** The chip key from a scanned QR, typed ID + date of birth, or an MRZ. */
  'checkin.provideKey': { input: AccessKeyInput; output: null };
  /** Anything typed or scanned: a CCCD or BHYT card QR, a typed 12/15/10-character number. */
  'checkin.present': { input: { text: string }; output: null };
  /** At "place your card": no card with me (returning patient, else a desk ticket). */
  'checkin.withoutCard': { input: null; output: null };
  /** "Không có giấy tờ / No documents": a desk ticket. */
  'checkin.noDocuments': { input: null; output: Visit };
  /** Desk: identity typed by staff when no card can be read. */
  'checkin.manualIdentity': { input: ManualIdentityInput; output: null };
  /** Commit the visit for the person on screen and print the slip. */
  'checkin.choose': { input: { department: string; lane: Lane }; output: Visit };
  /** Staff decision when the lookup service is down or asks to re-enter. */
  'checkin.override': { input: { decision: StaffOverride; note?: string }; output: null };
  /** Desk: staff accept a card whose chip is not trusted; the officer is recorded on the visit. */
  'checkin.acceptChip': {
    input: { officer?: { name: string; idNumber: string } };
    output: null;
  };
  /** The camera step's outcome (issue 23): score, liveness and model only, never a frame. */
  'checkin.faceResult': { input: FaceCheckReport; output: FaceVerification };
  /** A face-check instruction spoken in one language, as a `data:audio/wav` URL (face.speak). */
  'face.instructionAudio': {
    input: { instruction: FaceInstruction; language: Language };
    output: string;
  };
  'checkin.retry': { input: null; output: null };
  /** Back to idle; every personal detail is dropped from main's memory. */
  'checkin.reset': { input: null; output: null };
  /** Prints again the slip of the visit this check-in just made (the kiosk's "print again"). */
  'checkin.reprint': { input: null; output: PrintOutcome };

  'visits.list': {
    input: { date?: IsoDate; query?: string; department?: string; includeCancelled?: boolean };
    output: Visit[];
  };
  'visits.cancel': { input: { visitId: string; reason: string }; output: Visit };
  'visits.reprint': { input: { visitId: string }; output: PrintOutcome };
  /**
   * Desk: a completed reception-desk ticket goes on to a department's lane with its number; its
   * slip is printed again with the department's directions.
   */
  'visits.sendOn': { input: { visitId: string; department: string; lane: Lane }; output: Visit };

  /** Calling patients in: the room's caller (desk, room) and the waiting-room board. */
  'queue.callNext': { input: { room: string; department?: string }; output: Visit | null };
  'queue.act': { input: { visitId: string; action: RoomAction; room: string }; output: Visit };
  'queue.board': { input: { rooms?: string[] }; output: QueueBoard };
  /** The spoken call as a `data:audio/wav` URL, for the display to play. */
  'queue.audio': { input: { visitId: string; room: string }; output: string };

  'recheck.summary': { input: null; output: RecheckSummary };
  'recheck.resolve': { input: { discrepancyId: string }; output: null };

  'insurance.setChecking': { input: { enabled: boolean }; output: null };

  /** Desk: the HIS hand-off (waiting, refused with the HIS's words); `ping` asks the HIS now. */
  'his.status': { input: { ping?: boolean }; output: HisStatus };
  /** Desk: send one visit to the HIS again (after a refusal was fixed there). */
  'his.resend': { input: { visitId: string }; output: HisStatus };
  /** Desk: how many visits of today kept evidence of a failed insurance lookup (QĐ 2555). */
  'evidence.count': { input: null; output: number };
  /** Where the data lives and whether the hospital's server answers (offline visits waiting). */
  'store.status': { input: null; output: StoreStatus };

  /** Desk: the officer signed in at this station for the shift (null: nobody). */
  'staff.current': { input: null; output: SignedInOfficer | null };
  /** Desk: sign in by typing the officer's name and 12-digit ID number. */
  'staff.signIn': { input: { name: string; idNumber: string }; output: SignedInOfficer };
  /**
   * Desk: sign in with the officer's own CCCD on the reader (chip read, passively
   * authenticated; only the name and ID number are kept, no insurance lookup).
   */
  'staff.signInWithCard': { input: { key: AccessKeyInput }; output: SignedInOfficer };
  'staff.signOut': { input: null; output: null };
  /** Desk: a visit's history of staff actions (the audit trail). */
  'audit.visit': { input: { visitId: string }; output: AuditEntry[] };

  /** Developer panel; only answered when the simulated reader / gateway are configured. */
  'sim.catalog': { input: null; output: SimCardSummary[] };
  'sim.insertCard': { input: { index: number }; output: null };
  'sim.removeCard': { input: null; output: null };
  /** Types the card's QR text as a keyboard-wedge scanner would. */
  'sim.scanQr': { input: { index: number }; output: null };
  'sim.setGateway': { input: { mode: SimGatewayMode }; output: null };
}

export interface ApiEvents {
  'readers.changed': ReaderStatus[];
  'gateway.changed': GatewayStatus;
  'checkin.state': CheckinState;
  'visits.changed': { date: IsoDate };
  'print.changed': { visitId: string; status: PrintStatus; error: KioskErrorShape | null };
  'recheck.changed': { pending: number; flagged: Discrepancy[] };
  /** A call or a visit's progress changed, here or on another station sharing the store. */
  'queue.changed': { date: IsoDate };
  'his.changed': HisStatus;
  /** The hospital's server went away or came back, or offline visits were made or uploaded. */
  'store.changed': StoreStatus;
  /** The desk's officer signed in or out (idle, end of day). */
  'staff.changed': SignedInOfficer | null;
}

export type RequestName = keyof ApiRequests;
export type EventName = keyof ApiEvents;
export type RequestInput<K extends RequestName> = ApiRequests[K]['input'];
export type RequestOutput<K extends RequestName> = ApiRequests[K]['output'];

/** Runtime list of request names: transports accept nothing else. */
export const REQUEST_NAMES = [
  'app.info',
  'readers.list',
  'gateway.status',
  'checkin.current',
  'checkin.provideKey',
  'checkin.present',
  'checkin.withoutCard',
  'checkin.noDocuments',
  'checkin.manualIdentity',
  'checkin.choose',
  'checkin.override',
  'checkin.acceptChip',
  'checkin.faceResult',
  'face.instructionAudio',
  'checkin.retry',
  'checkin.reset',
  'checkin.reprint',
  'visits.list',
  'visits.cancel',
  'visits.reprint',
  'visits.sendOn',
  'queue.callNext',
  'queue.act',
  'queue.board',
  'queue.audio',
  'recheck.summary',
  'recheck.resolve',
  'insurance.setChecking',
  'his.status',
  'his.resend',
  'evidence.count',
  'store.status',
  'staff.current',
  'staff.signIn',
  'staff.signInWithCard',
  'staff.signOut',
  'audit.visit',
  'sim.catalog',
  'sim.insertCard',
  'sim.removeCard',
  'sim.scanQr',
  'sim.setGateway',
] as const satisfies readonly RequestName[];

export const EVENT_NAMES = [
  'readers.changed',
  'gateway.changed',
  'checkin.state',
  'visits.changed',
  'print.changed',
  'recheck.changed',
  'queue.changed',
  'his.changed',
  'store.changed',
  'staff.changed',
] as const satisfies readonly EventName[];

// Compile-time check that the runtime lists are complete.
type Missing<All, Listed> = Exclude<All, Listed>;
const requestListComplete: Missing<RequestName, (typeof REQUEST_NAMES)[number]> extends never
  ? true
  : false = true;
const eventListComplete: Missing<EventName, (typeof EVENT_NAMES)[number]> extends never
  ? true
  : false = true;
void requestListComplete;
void eventListComplete;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/** One handler per request; main implements it once and every transport serves it. */
export type ApiHandlers = {
  [K in RequestName]: (input: RequestInput<K>) => Promise<RequestOutput<K>>;
};

/** What a transport returns for a request: the output, or a typed error. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: KioskErrorShape };

export type EventListener<K extends EventName> = (payload: ApiEvents[K]) => void;

/** The object the renderer talks to (`window.kiosk` in Electron, an HTTP client in a browser). */
export interface KioskApi {
  request<K extends RequestName>(name: K, input: RequestInput<K>): Promise<RequestOutput<K>>;
  on<K extends EventName>(name: K, listener: EventListener<K>): () => void;
}

/** Preload's bridge: results stay as ApiResult so typed errors cross contextBridge intact. */
export interface KioskBridge {
  readonly transport: 'electron-ipc';
  request(name: RequestName, input: unknown): Promise<ApiResult<unknown>>;
  on(name: EventName, listener: (payload: unknown) => void): () => void;
}

export const IPC_REQUEST_PREFIX = 'kiosk:request:';
export const IPC_EVENT_CHANNEL = 'kiosk:event';
