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
import type { FaceVerification } from './face';
import type { InsuranceOutcome, InsuranceResult } from './insurance';

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
