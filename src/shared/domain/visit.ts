/** Check-in: departments, lanes, patients, visits and what staff decide. Pure types: importable from browser, Node and Electron alike. */
import type { KioskErrorShape, LocalizedText } from '../errors';
import type { VisitProgressInfo } from './calling';
import type {
  ChipAuthResult,
  ChipAuthStatus,
  IdNumberCheck,
  PassiveAuthResult,
  PassiveAuthStatus,
  PhotoFormat,
  ReadProgress,
} from './card';
import type { IsoDate, IsoDateTime, Sex } from './common';
import type { StationMode } from './station';
import type {
  InsuranceOutcome,
  InsuranceResult,
  TreatmentHistory,
  TreatmentHistoryItem,
} from './insurance';
import type { FaceVerification } from './face';

/** `merit`: người có công với cách mạng, a priority group of Luật KBCB 2023 Điều 3 khoản 2. */
export type Lane =
  'normal' | 'elderly' | 'child' | 'disability' | 'pregnant' | 'emergency' | 'merit';

export const LANES: readonly Lane[] = [
  'normal',
  'elderly',
  'child',
  'disability',
  'pregnant',
  'emergency',
  'merit',
] as const;

/** The lane the law gives a person and why ("78 tuổi", "thẻ CC"), shown and kept on the visit. */
export interface LawPriority {
  lane: Lane;
  reason: LocalizedText;
}

/**
 * What the person showed to check in. Only `chip` is a verified identity; a QR or a typed number
 * can be made up, and the visit says which it was.
 */
export type PresentedDocument =
  | 'chip'
  | 'cccd-qr'
  | 'bhyt-qr'
  | 'typed-cccd'
  | 'typed-bhyt'
  | 'typed-social-insurance'
  | 'vneid-desk'
  | 'none';

export const PRESENTED_DOCUMENTS: readonly PresentedDocument[] = [
  'chip',
  'cccd-qr',
  'bhyt-qr',
  'typed-cccd',
  'typed-bhyt',
  'typed-social-insurance',
  'vneid-desk',
  'none',
] as const;

/**
 * The lanes a station may give. A public kiosk never gives the emergency lane: it is called
 * before everyone (queue.emergencyFirst), so it is staff's triage to give, not a button anyone
 * can press. The kiosk's screen lists these; main refuses any other (checkin.choose).
 */
export function lanesFor(mode: StationMode): Lane[] {
  return mode === 'kiosk' ? LANES.filter((l) => l !== 'emergency') : [...LANES];
}

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
  /** The 12-digit CCCD number; '' for a person known only by a BHYT card (a child) or not yet. */
  idNumber: string;
  fullName: string;
  dateOfBirth: IsoDate | null;
  sex: Sex | null;
  /** The current BHYT card code when the check-in had one (the person's key without a CCCD). */
  cardNumber?: string | null;
}

/** How the chip behind a visit was verified; null on a visit made from typed data. */
export interface ChipVerification {
  passiveAuthentication: PassiveAuthStatus;
  chipAuthentication: ChipAuthStatus;
  chipAuthMethod: 'CA' | 'AA' | null;
  /** Staff at the desk accepted a chip its own checks did not make trusted (main/domain/chip-trust). */
  acceptedByStaff: boolean;
  /** Who accepted it (name and CCCD number; null number: only the station is known), and when. */
  acceptedBy?: { name: string; idNumber: string | null } | null;
  acceptedAt?: IsoDateTime | null;
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
  /** The face check's decision (never a frame or a template); null or absent on typed visits. */
  faceVerification?: FaceVerification | null;
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
  /** What the person showed to check in; null on visits from before it was recorded. */
  document?: PresentedDocument | null;
  /** The lane the law gave and why, when it did (kept even if another lane was chosen). */
  priority?: LawPriority | null;
  /**
   * A child's parent or guardian named on the BHYT card QR, kept on the visit so that every print
   * and reprint of the slip shows it; absent when the card names nobody. Personal data: never logged.
   */
  guardianName?: string | null;
}

/** A re-check from the re-check queue that disagreed with what was used at check-in. */
export interface Discrepancy {
  id: string;
  visitId: string;
  queueNumber: string;
  patientName: string;
  usedAtCheckin: { code: string | null; outcome: InsuranceOutcome | null; source: InsuranceSource };
  recheck: { code: string; outcome: InsuranceOutcome; checkedAt: IsoDateTime };
  resolved: boolean;
}

export interface RecheckSummary {
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
      /**
       * The treatment history (Lskcb2025) once it arrived (asked alongside the card check within
       * its own budget; absent until then or when not asked).
       */
      history?: TreatmentHistory | null;
      /** A stay elsewhere without discharge (decided in main): the desk shows a warning. */
      openStayElsewhere?: TreatmentHistoryItem | null;
      /** The lane the law gives (preselected) and why; the person or staff may choose another. */
      priority?: LawPriority | null;
    }
  /**
   * The chip's data is not trusted (src/main/domain/chip-trust.ts): nothing was cached, looked up
   * or sent. A kiosk says "please see the desk" and nothing of the chip (patient null); a desk
   * sees the person and the reason, and may accept the card.
   */
  | { step: 'see-desk'; problem: KioskErrorShape; patient: PatientView | null }
  | { step: 'committing'; patient: PatientView }
  | { step: 'printing'; visit: Visit }
  | {
      step: 'done';
      visit: Visit;
      reprint: boolean;
      printError: KioskErrorShape | null;
      /** The HIS appointment this visit was checked in for, when there was one. */
      booking?: BookedAppointment | null;
      /** A number in the reception desk's queue: "Mời đến quầy tiếp đón". */
      deskTicket?: boolean;
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
  /** What the person showed the desk (e.g. `vneid-desk`); default `typed-cccd`. */
  document?: PresentedDocument;
  /** A reception-desk ticket this completes: the visit keeps its number. */
  ticketVisitId?: string;
}

export interface PrintOutcome {
  visitId: string;
  status: PrintStatus;
  error: KioskErrorShape | null;
}
