/**
 * Contracts between the main process's services. Each service folder implements one of these in
 * plain Node (no `electron` import) so that the CLI, the web host, tests and Electron share them.
 */
import type { ApiEvents, EventName } from '../shared/api-contract';
import type {
  FaceCheckReport,
  FaceVerification,
  AccessKeyInput,
  CheckingOfficer,
  TreatmentHistory,
  CardIdentity,
  CardReadResult,
  CheckinState,
  Lane,
  ManualIdentityInput,
  RecheckSummary,
  StaffOverride,
  GatewayStatus,
  InsuranceQuery,
  InsuranceResult,
  IsoDate,
  PrintOutcome,
  ReadProgress,
  ReaderStatus,
  SimCardSummary,
  SimGatewayMode,
  Visit,
} from '../shared/domain';

export interface EventSink {
  emit<K extends EventName>(name: K, payload: ApiEvents[K]): void;
}

export interface CardReadOutput {
  result: CardReadResult;
  /** Raw face image bytes from DG2 (JPEG or JPEG 2000), null when the photo was not read. */
  photo: Uint8Array | null;
}

export interface CardReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** Skip DG2 (photo), e.g. for the CLI's quick read. Default false. */
  skipPhoto?: boolean;
  /** DG1 + DG13 are in: the person can be shown while the photo is still being read. */
  onIdentity?: (identity: CardIdentity) => void;
}

/** PC/SC readers and the in-process simulated reader behind one interface. */
export interface CardReaderService {
  readers(): ReaderStatus[];
  onReadersChanged(listener: (readers: ReaderStatus[]) => void): () => void;
  /**
   * Reads the card on `reader` with the given key. Rejects with a KioskError whose code says what
   * went wrong (CARD_NO_CARD, CARD_REMOVED, CARD_WRONG_KEY, CARD_NOT_CCCD, CARD_TIMEOUT, ...).
   */
  read(reader: string, key: AccessKeyInput, options?: CardReadOptions): Promise<CardReadOutput>;
  close(): Promise<void>;
}

/** The developer panel's handle on the in-process simulated reader. */
export interface SimulatedCardControl {
  readerName: string;
  catalog(): SimCardSummary[];
  insert(index: number): void;
  remove(): void;
  qrText(index: number): string;
}

export interface LookupOptions {
  signal?: AbortSignal;
  /**
   * The hospital day the card is judged for (default: today). The re-check worker re-checks a visit
   * made on an earlier day: a card that ran out since was valid for that visit.
   */
  day?: IsoDate;
  /**
   * The checking officer this lookup carries (hoTenCb / cccdCb): the desk's signed-in officer.
   * Absent: the configured `insurance.officer` (a kiosk's).
   */
  officer?: CheckingOfficer | null;
}

export interface InsuranceService {
  /**
   * Asks the lookup service. Resolves with the service's answer whatever its result code;
   * rejects with a KioskError (INSURANCE_TIMEOUT, INSURANCE_UNAVAILABLE, INSURANCE_CIRCUIT_OPEN,
   * INSURANCE_BAD_ANSWER, INSURANCE_AUTH, ...) only when no answer could be had.
   */
  lookup(query: InsuranceQuery, options?: LookupOptions): Promise<InsuranceResult>;
  /**
   * The treatment history (Lskcb2025) within `insurance.historyBudgetMs`. Never rejects: no
   * answer is `status: 'unavailable'`; it must never delay nor fail a check-in.
   */
  history?(query: InsuranceQuery, options?: LookupOptions): Promise<TreatmentHistory>;
  status(): GatewayStatus;
  onStatus(listener: (status: GatewayStatus) => void): () => void;
  close(): Promise<void>;
}

export interface SimulatedGatewayControl {
  /** Base URL of the running simulator, e.g. http://127.0.0.1:43123 */
  url: string;
  setMode(mode: SimGatewayMode): void;
  close(): Promise<void>;
}

/** Prints a visit's slip with the configured driver. */
export interface SlipPrinter {
  print(visit: Visit): Promise<PrintOutcome>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Check-in (implemented in src/main/checkin; the API handler table calls these one to one)

export interface VisitFilter {
  date?: string;
  query?: string;
  department?: string;
  includeCancelled?: boolean;
}

/**
 * The check-in orchestrator: identity (chip, QR or typed) → lookup (online or cached) → visit →
 * slip. One person at a time per station; every state is pushed through `onState`.
 */
export interface CheckinService {
  current(): CheckinState;
  onState(listener: (state: CheckinState) => void): () => void;
  provideKey(key: AccessKeyInput): Promise<void>;
  /** Any typed or scanned identity text, routed by its shape (src/shared/presented-input). */
  present(text: string): Promise<void>;
  /** At "place your card": the person has no card with them. */
  withoutCard(): Promise<void>;
  /** "No documents": a number in the reception desk's queue. */
  noDocuments(): Promise<Visit>;
  manualIdentity(input: ManualIdentityInput): Promise<void>;
  choose(department: string, lane: Lane): Promise<Visit>;
  override(decision: StaffOverride, note?: string): Promise<void>;
  /** The visit on the done screen to print again; refused past the station's limit. */
  claimReprint(): Visit;
  /** Desk: staff accept a chip whose data is not trusted (step 'see-desk'); who is recorded. */
  acceptChip(officer?: { name: string; idNumber: string } | null): Promise<void>;
  /** The camera step's report (issue 23); main decides and keeps only the decision. */
  faceResult(report: FaceCheckReport): Promise<FaceVerification>;
  retry(): Promise<void>;
  /** Back to idle; drops every personal detail held in memory. */
  reset(): void;
  setInsuranceChecking(enabled: boolean): void;
  insuranceChecking(): boolean;
  close(): Promise<void>;
}

export interface VisitsService {
  list(filter: VisitFilter): Promise<Visit[]>;
  cancel(visitId: string, reason: string): Promise<Visit>;
  reprint(visitId: string): Promise<PrintOutcome>;
  /**
   * Sends a completed reception-desk ticket on to a department's lane: it keeps its number, the
   * department's calling queue takes it in check-in order, and its slip is printed again with
   * the department's directions (the print's fate is on the visit returned).
   */
  sendOn(visitId: string, department: string, lane: Lane): Promise<Visit>;
  onChanged(listener: (change: { date: string }) => void): () => void;
  onPrintChanged(listener: (outcome: PrintOutcome) => void): () => void;
}

export interface RecheckQueueService {
  summary(): Promise<RecheckSummary>;
  /** The visit the discrepancy was about (null when it is gone), for the audit trail. */
  resolve(discrepancyId: string): Promise<{ visitId: string | null }>;
  onChanged(listener: (summary: RecheckSummary) => void): () => void;
}
