/**
 * Domain types shared by main, preload, renderer and the CLI. Pure types only: this file may be
 * imported anywhere (browser, Node, Electron) and must not import anything with side effects.
 */
import type { KioskErrorShape, LocalizedText } from './errors';
import type { SimulatedParts } from './simulated-station';

export type { LocalizedText, KioskErrorShape } from './errors';

/** `YYYY-MM-DD` */
export type IsoDate = string;
/** ISO 8601 with offset, e.g. `2026-11-23T08:15:00.000+07:00` or `...Z` */
export type IsoDateTime = string;

export type Sex = 'M' | 'F';
export type Language = 'vi' | 'en';

// ---------------------------------------------------------------------------------------------
// Card (issue: chip reader)

/** How the chip's BAC key is obtained. */
export type AccessKeyInput =
  | { kind: 'qr'; text: string }
  /** The 12-digit ID number alone: enough for cards with PACE (CAN = its last 6 digits). */
  | { kind: 'id'; idNumber: string }
  /** The 6-digit CAN (on CCCD: the last 6 digits of the ID number). */
  | { kind: 'can'; can: string }
  | { kind: 'id-dob'; idNumber: string; dateOfBirth: IsoDate; dateOfExpiry?: IsoDate }
  | { kind: 'mrz'; text: string };

export interface CardIdentity {
  idNumber: string;
  fullName: string;
  dateOfBirth: IsoDate | null;
  sex: Sex | null;
  nationality: string;
  ethnicity: string;
  religion: string;
  placeOfOrigin: string;
  placeOfResidence: string;
  personalIdentification: string;
  dateOfIssue: IsoDate | null;
  /** null when the card has no expiry ("Không thời hạn"). */
  dateOfExpiry: IsoDate | null;
  fatherName: string;
  motherName: string;
  spouseName: string;
  oldIdNumber: string;
}

export type PhotoFormat = 'jpeg' | 'jpeg2000' | 'unknown';

export type PassiveAuthStatus = 'valid' | 'invalid' | 'unverified';

export interface PassiveAuthResult {
  status: PassiveAuthStatus;
  /** Which check failed or why it is unverified; plain words, no personal data. */
  detail: string;
  failedCheck?: 'sod-format' | 'dg-hash' | 'signature' | 'certificate-chain';
  /** For a `certificate-chain` failure about the Document Signer: which rule it broke. */
  reason?: PassiveAuthReason;
  /**
   * The issuing CSCA's CRL was used but is not current (its next update has passed, or it is
   * dated in the future): a Document Signer revoked since may not be listed.
   */
  crlStale?: true;
}

/**
 * Why a Document Signer certificate cannot vouch for the card: not yet valid / expired when the
 * SOD was signed (its signing time, else the read time), issued outside its CSCA's validity,
 * the SOD signed outside the DS key's usage period, or revoked by its CSCA's CRL.
 */
export type PassiveAuthReason =
  | 'ds-not-yet-valid'
  | 'ds-expired'
  | 'ds-issued-outside-csca-validity'
  | 'ds-key-usage-period'
  | 'ds-revoked';

/**
 * Whether the chip proved it is the one the data was written to (ICAO 9303-11 §6): `genuine`
 * when Chip Authentication (DG14) or Active Authentication (DG15) succeeded, `failed` when the
 * chip could not prove it (a copy, or a broken chip), `not-offered` when the card has neither.
 */
export type ChipAuthStatus = 'genuine' | 'failed' | 'not-offered';

export interface ChipAuthResult {
  status: ChipAuthStatus;
  method: 'CA' | 'AA' | null;
  /** What was run or why it failed; plain words, no personal data. */
  detail: string;
}

export interface ReadStats {
  /** How the chip was opened: PACE with the CAN or the MRZ password, or BAC. */
  accessControl?: 'PACE-CAN' | 'PACE-MRZ' | 'BAC';
  apdus: number;
  bytesRead: number;
  ms: number;
}

export interface IdNumberCheck {
  consistent: boolean;
  /** e.g. "century/sex digit says female born 2000-2099 but the chip says male 1985" */
  problems: string[];
}

/** What a chip read produces (the CLI's `read --json` prints this, photo bytes as a count). */
export interface CardReadResult extends CardIdentity {
  mrz: string;
  photo: { format: PhotoFormat; bytes: number };
  passiveAuthentication: PassiveAuthResult;
  chipAuthentication: ChipAuthResult;
  stats: ReadStats;
  idNumberCheck: IdNumberCheck;
}

export type ReadPhase = 'connect' | 'authenticate' | 'identity' | 'photo' | 'verify';

export interface ReadProgress {
  phase: ReadPhase;
  /** 0..100 over the whole read */
  percent: number;
}

export type ReaderKind = 'pcsc' | 'simulated';
export type ReaderState = 'empty' | 'card-present' | 'reading' | 'unavailable';

export interface ReaderStatus {
  name: string;
  kind: ReaderKind;
  state: ReaderState;
  /** Hex ATR of the present card, when any. */
  atr?: string;
}

// ---------------------------------------------------------------------------------------------
// Insurance (issue: BHXH gateway)

export type InsuranceOutcome =
  | 'insured'
  | 'insured-with-notes'
  | 'replaced-card'
  | 'not-insured'
  | 're-enter'
  | 'retry-later'
  | 'configuration-error'
  | 'unknown-code';

export interface InsuranceQuery {
  /** 12-digit CCCD number, or */
  idNumber?: string;
  /** 15-character BHYT card number */
  cardNumber?: string;
  fullName: string;
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known */
  dateOfBirth: string;
}

export interface InsuranceCard {
  number: string;
  holderName: string | null;
  dateOfBirth: string | null;
  sex: Sex | null;
  address: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  registeredFacility: { code: string; name: string | null } | null;
  benefitLevel: number | null;
  coveragePercent: number | null;
  fiveYearsContinuousFrom: IsoDate | null;
  areaCode: string | null;
  socialInsuranceNumber: string | null;
}

export interface InsuranceReplacement {
  number: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  registeredFacility: { code: string; name: string | null } | null;
}

export interface TreatmentHistoryItem {
  recordId: string | null;
  facilityCode: string | null;
  admittedAt: IsoDateTime | null;
  dischargedAt: IsoDateTime | null;
  diagnosis: string | null;
  status: string | null;
  result: string | null;
  reason: string | null;
}

export interface InsuranceResult {
  /** maKetQua as sent by the service, e.g. "000" */
  code: string;
  outcome: InsuranceOutcome;
  mayUseInsurance: boolean;
  message: LocalizedText;
  /** ghiChu: the service's own note, verbatim */
  serviceNote: string | null;
  card: InsuranceCard | null;
  replacement: InsuranceReplacement | null;
  history: TreatmentHistoryItem[];
  /** When the service gave this answer. */
  checkedAt: IsoDateTime;
  /** What the kiosk worked out from the card and today's date (absent in older cached results). */
  assessment?: InsuranceAssessment;
}

/** Derived by the kiosk, not said by the service. */
export interface InsuranceAssessment {
  /** Beneficiary group (card characters 1-2), e.g. "DN"; null when not decodable. */
  group: string | null;
  /** The level digit printed on the card; the one in force is `card.benefitLevel`. */
  printedLevel: number | null;
  /** 2-digit province code from the card (characters 4-5). */
  province: string | null;
  /** The validity dates cover today; null when the service gave no dates. */
  validToday: boolean | null;
  /** Registered for primary care at this facility (configuration hospital.facilityCode). */
  registeredHere: boolean | null;
  /** Five continuous years of cover reached by today. */
  fiveYearsContinuous: boolean | null;
  /** Remarks for staff and the screen, e.g. registered elsewhere, expires soon. */
  notes: LocalizedText[];
}

export type GatewayConnectivity = 'online' | 'degraded' | 'offline' | 'disabled';

export interface GatewayStatus {
  state: GatewayConnectivity;
  circuit: 'closed' | 'open' | 'half-open';
  lastSuccessAt: IsoDateTime | null;
  lastFailure: KioskErrorShape | null;
  simulated: boolean;
}

export const SIM_GATEWAY_UI_MODES = [
  'normal',
  'slow',
  'down',
  'error-5xx',
  'unauthorized',
  'malformed',
] as const;

/** What the developer panel can switch the simulated lookup service to. */
export type SimGatewayMode = (typeof SIM_GATEWAY_UI_MODES)[number];

// ---------------------------------------------------------------------------------------------
// Check-in, visits, queue (issue: store and check-in)

export type Lane = 'normal' | 'elderly' | 'child' | 'disability' | 'pregnant' | 'emergency';

export const LANES: readonly Lane[] = [
  'normal',
  'elderly',
  'child',
  'disability',
  'pregnant',
  'emergency',
] as const;

export interface Department {
  code: string;
  name: LocalizedText;
  room: LocalizedText;
  directions: LocalizedText | null;
}

export type IdentitySource = 'chip' | 'qr' | 'typed';

/** How the insurance decision for a visit was reached. */
export type InsuranceSource =
  'online' | 'cache' | 'pending' | 'staff-override' | 'self-pay' | 'disabled';

export interface VisitInsurance {
  source: InsuranceSource;
  result: InsuranceResult | null;
  /** For source 'cache': when the cached answer was fetched. */
  cachedAt: IsoDateTime | null;
  /** Cached answer older than the configured age: staff must confirm. */
  stale: boolean;
  note: string | null;
}

export interface Patient {
  idNumber: string;
  fullName: string;
  dateOfBirth: IsoDate | null;
  sex: Sex | null;
}

/** How the chip behind a visit was verified; null on a visit made from typed data. */
export interface ChipVerification {
  passiveAuthentication: PassiveAuthStatus;
  chipAuthentication: ChipAuthStatus;
  chipAuthMethod: 'CA' | 'AA' | null;
  /** Staff let the check-in go on although the chip was not verified (reader.requireVerifiedChip). */
  acceptedByStaff: boolean;
}

export type PrintStatus = 'not-printed' | 'printing' | 'printed' | 'failed';

export interface Visit {
  id: string;
  /** Local calendar day of the check-in, `YYYY-MM-DD` */
  date: IsoDate;
  stationId: string;
  department: string;
  lane: Lane;
  /** What the patient sees and is called by, e.g. `K01-A-012` or `K01-NOI-U-004` */
  queueNumber: string;
  /** The per-day, per-department, per-lane counter value */
  queueSeq: number;
  patient: Patient;
  identitySource: IdentitySource;
  chipVerification: ChipVerification | null;
  insurance: VisitInsurance;
  createdAt: IsoDateTime;
  status: 'active' | 'cancelled';
  cancelledReason: string | null;
  printStatus: PrintStatus;
  printError: KioskErrorShape | null;
  /** Set when a later re-check disagrees with the insurance decision used at check-in. */
  flagged: boolean;
  /** Where the patient is in the room's queue (absent from stores that do not track it). */
  progress?: VisitProgressInfo;
  /** The HIS booking's start, on the slip printed at check-in (not kept in the store). */
  bookedStart?: IsoDateTime | null;
}

// ---------------------------------------------------------------------------------------------
// Calling patients in (issue: calling)

/** waiting → called → in-room → done; skipped (no-show, may be recalled); cancelled. */
export type VisitProgress = 'waiting' | 'called' | 'in-room' | 'done' | 'skipped' | 'cancelled';

export interface VisitProgressInfo {
  state: VisitProgress;
  /** The room that made the latest change (null while waiting). */
  room: string | null;
  /** When the latest change was made (null while waiting). */
  at: IsoDateTime | null;
  /** How many times the number was called out (call again and recall count). */
  calls: number;
}

/** What a room can do with a visit; `call-next` picks the visit by the queue policy. */
export const ROOM_ACTIONS = ['call-again', 'skip', 'patient-in', 'done', 'recall'] as const;
export type RoomAction = (typeof ROOM_ACTIONS)[number];

/** A clinic room as the screens need it. */
export interface QueueRoom {
  code: string;
  name: LocalizedText;
  departments: string[];
}

/** One call as shown on the waiting-room board: numbers only unless masked names are on. */
export interface BoardCall {
  visitId: string;
  queueNumber: string;
  department: string;
  room: string;
  roomName: LocalizedText;
  calledAt: IsoDateTime;
  /** Grows with each "call again": the display replays the sound when it changes. */
  calls: number;
  /** e.g. `Nguyễn V. A.`, only when `queue.display.maskedNames` is on. */
  maskedName: string | null;
}

export interface BoardRoom {
  code: string;
  name: LocalizedText;
  /** The number this room called last and has not yet taken in, skipped or finished. */
  calling: BoardCall | null;
  waiting: number;
}

export interface QueueBoard {
  date: IsoDate;
  rooms: BoardRoom[];
  /** The most recent call among the board's rooms, shown large. */
  latest: BoardCall | null;
  /** Earlier calls, newest first. */
  recent: BoardCall[];
}

/** A re-check from the outbox that disagreed with what was used at check-in. */
export interface Discrepancy {
  id: string;
  visitId: string;
  queueNumber: string;
  patientName: string;
  usedAtCheckin: { code: string | null; outcome: InsuranceOutcome | null; source: InsuranceSource };
  recheck: { code: string; outcome: InsuranceOutcome; checkedAt: IsoDateTime };
  resolved: boolean;
}

export interface OutboxSummary {
  pending: number;
  flagged: Discrepancy[];
}

/** What the screen shows about the person in front of it. */
export interface PatientView extends Patient {
  source: IdentitySource;
  /** data: URL of the face image, when the chip gave one the browser can show */
  photoDataUrl: string | null;
  photoFormat: PhotoFormat | null;
  passiveAuthentication: PassiveAuthResult | null;
  chipAuthentication: ChipAuthResult | null;
  idNumberCheck: IdNumberCheck | null;
}

export type StaffOverride = 'self-pay' | 'use-cached' | 'insurance-pending' | 'accept-insurance';

export type CheckinState =
  | { step: 'idle' }
  /** A card is on the reader but the chip key is unknown: scan the QR or type ID + DOB. */
  | { step: 'need-key'; reader: string; lastError: KioskErrorShape | null }
  /** A key was given but no card is on the reader yet. */
  | { step: 'need-card' }
  /** `patient` arrives with DG1 + DG13, before the photo and the signature check. */
  | { step: 'reading'; progress: ReadProgress; patient?: PatientView }
  | { step: 'looking-up'; patient: PatientView }
  | {
      step: 'choose-department';
      patient: PatientView;
      insurance: VisitInsurance;
      /** Set when staff must decide (service down with stale cache, re-enter codes, ...) */
      needsStaff: KioskErrorShape | null;
      /** An existing visit today for this person, by department code */
      existingVisits: Visit[];
    }
  | { step: 'committing'; patient: PatientView }
  | { step: 'printing'; visit: Visit }
  | {
      step: 'done';
      visit: Visit;
      reprint: boolean;
      printError: KioskErrorShape | null;
      /** The HIS appointment this visit was checked in for, when there was one. */
      booking?: BookedAppointment | null;
    }
  | { step: 'error'; error: KioskErrorShape; canRetry: boolean };

/** A booking found in the HIS at check-in (issue 14): where and when the person is expected. */
export interface BookedAppointment {
  /** The HIS's logical id of the Appointment (the Encounter references it) */
  appointmentId: string;
  /** Our department code the booking maps to */
  department: string;
  /** The booked start, as the HIS gave it (ISO date-time with offset) */
  start: IsoDateTime;
}

export interface ManualIdentityInput {
  idNumber: string;
  fullName: string;
  dateOfBirth: IsoDate;
  sex: Sex;
  /** Optional 15-character BHYT number typed by staff */
  cardNumber?: string;
}

export interface PrintOutcome {
  visitId: string;
  status: PrintStatus;
  error: KioskErrorShape | null;
}

// ---------------------------------------------------------------------------------------------
// Application

/**
 * What a station is for: `kiosk` (patient self-service), `desk` (reception staff), `room` (a
 * clinic room's caller), `display` (waiting-room board, read-only). Main decides from it which
 * requests a screen may make (src/shared/station-access.ts).
 */
export const STATION_MODES = ['kiosk', 'desk', 'room', 'display'] as const;
export type StationMode = (typeof STATION_MODES)[number];

export interface AppInfo {
  version: string;
  stationId: string;
  mode: StationMode;
  language: Language;
  /** `timeZone`: hospital.timeZone (IANA); the screens show times on its clock. */
  hospital: { name: LocalizedText; logoDataUrl: string | null; timeZone: string };
  departments: Department[];
  lanes: Lane[];
  simulated: SimulatedParts;
  kiosk: { idleTimeoutSeconds: number; doneReturnSeconds: number };
  /** Staff switch: insurance checking on or off */
  insuranceChecking: boolean;
  /** Calling patients in (absent from older hosts). */
  queue?: {
    rooms: QueueRoom[];
    /** The room this station calls for; null: chosen on screen. */
    room: string | null;
    /** The rooms a display shows (all when empty). */
    displayRooms: string[];
    /** The display plays the spoken call. */
    sound: boolean;
  };
}

export interface SimCardSummary {
  index: number;
  label: string;
  fullName: string;
  qrText: string;
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Hand-off to the hospital's HIS (issue 14)

/** A visit the HIS refused (4xx), with what its OperationOutcome said; staff can resend it. */
export interface HisRefusal {
  visitId: string;
  queueNumber: string;
  date: IsoDate;
  status: number | null;
  text: string;
  at: IsoDateTime;
}

export interface HisStatus {
  enabled: boolean;
  /** null when not asked (disabled, or the status was read without a ping). */
  reachable: boolean | null;
  /** Visits the HIS has not accepted yet (between attempts included). */
  waiting: number;
  refused: number;
  sent: number;
  refusals: HisRefusal[];
}

// ---------------------------------------------------------------------------------------------
// Where the station's data lives (issue 12: the hospital's PostgreSQL server)

export interface StoreStatus {
  /** "sqlite": the station's own file; "postgres": the hospital's server shared by stations. */
  engine: string;
  /**
   * false while the hospital's server cannot be reached: check-ins go on in the station's own
   * file with offline numbers (`K02-KHAM-O-003`). Always true for a SQLite-only station.
   */
  serverReachable: boolean;
  /** Since when the server has been unreachable (null while reachable). */
  offlineSince: IsoDateTime | null;
  /** Visits checked in offline that the server does not have yet. */
  waitingUpload: number;
  /** Why the last upload failed although the server answered (null: none failed). */
  uploadError: KioskErrorShape | null;
}
