/**
 * Rows ↔ domain values, the same for both engines (SQLite on a station, PostgreSQL on the
 * hospital's server): the columns and their text are alike; only booleans differ (SQLite's 0/1,
 * PostgreSQL's true/false), which the mappers accept both of. What is stored is trimmed to what
 * the flow needs: an insurance result never keeps its treatment history (health data the slip
 * and the offline decision do not use).
 */
import { faceFromRow, type FaceColumns } from './face-columns';
import type {
  CardIdentity,
  ChipAuthStatus,
  Discrepancy,
  IdentitySource,
  InsuranceQuery,
  InsuranceResult,
  KioskErrorShape,
  Lane,
  LawPriority,
  PresentedDocument,
  PassiveAuthStatus,
  PrintStatus,
  Sex,
  Visit,
  VisitInsurance,
  VisitProgress,
} from '../../shared/domain';
import type { RecheckItem } from './store-contract';

/** SQLite stores 0/1, PostgreSQL true/false. */
export type DbBoolean = number | boolean;

export function fromDbBoolean(value: DbBoolean): boolean {
  return value === true || value === 1;
}

export interface VisitRow {
  id: string;
  day: string;
  station_id: string;
  department: string;
  lane: string;
  queue_seq: number;
  queue_number: string;
  patient_id_number: string | null;
  patient_name: string | null;
  patient_dob: string | null;
  patient_sex: string | null;
  identity_source: string;
  /** From schema 11 (SQLite) / 8 (PostgreSQL): arrivals. */
  patient_card_number?: string | null;
  document?: string | null;
  priority_json?: string | null;
  /** From schema 14 (SQLite) / 13 (PostgreSQL): a child's guardian from the BHYT card. */
  guardian_name?: string | null;
  insurance_json: string;
  created_at: string;
  status: string;
  cancelled_reason: string | null;
  flagged: DbBoolean;
  print_status: string;
  print_error_json: string | null;
  /** From schema 4 (calling patients in). */
  progress?: string;
  progress_room?: string | null;
  progress_at?: string | null;
  call_count?: number;
  /** From schema 6 (chip verification). */
  passive_auth: string | null;
  chip_auth: string | null;
  chip_auth_method: string | null;
  chip_accepted_by_staff: DbBoolean;
  /** From schema 9 (SQLite) / 5 (PostgreSQL): who accepted an untrusted chip, and when. */
  chip_accepted_by_name?: string | null;
  chip_accepted_by_id?: string | null;
  chip_accepted_at?: string | null;
  /** From schema 12 (SQLite) / 9 (PostgreSQL), the face check: ./face-columns.ts. */
  face_decision?: FaceColumns['face_decision'];
  face_score?: number | null;
  face_threshold?: number | null;
  face_liveness?: FaceColumns['face_liveness'];
  face_model?: string | null;
}

export interface RecheckRow {
  id: number;
  visit_id: string;
  query_json: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
}

/** The query `discrepancyFromRow` reads: a discrepancy with its visit's number and name. */
export const DISCREPANCY_SELECT = `
  SELECT d.id, d.visit_id, d.used_json, d.recheck_json, d.resolved_at,
         v.queue_number, v.patient_name
  FROM discrepancies d JOIN visits v ON v.id = d.visit_id`;

export interface DiscrepancyRow {
  id: string;
  visit_id: string;
  used_json: string;
  recheck_json: string;
  resolved_at: string | null;
  queue_number: string;
  patient_name: string | null;
}

export function storedResult(result: InsuranceResult): InsuranceResult {
  return { ...result, history: [] };
}

export function storedInsurance(insurance: VisitInsurance): VisitInsurance {
  return { ...insurance, result: insurance.result ? storedResult(insurance.result) : null };
}

/** What a purged visit keeps of its insurance: how it was decided, not about whom. */
export function anonymisedInsurance(insurance: VisitInsurance): VisitInsurance {
  const r = insurance.result;
  return {
    source: insurance.source,
    cachedAt: insurance.cachedAt,
    stale: insurance.stale,
    note: null,
    result: r
      ? {
          code: r.code,
          outcome: r.outcome,
          mayUseInsurance: r.mayUseInsurance,
          message: r.message,
          serviceNote: null,
          card: null,
          replacement: null,
          history: [],
          checkedAt: r.checkedAt,
        }
      : null,
  };
}

export function visitFromRow(row: VisitRow): Visit {
  return {
    id: row.id,
    date: row.day,
    stationId: row.station_id,
    department: row.department,
    lane: row.lane as Lane,
    queueNumber: row.queue_number,
    queueSeq: row.queue_seq,
    patient: {
      idNumber: row.patient_id_number ?? '',
      fullName: row.patient_name ?? '',
      dateOfBirth: row.patient_dob,
      sex: (row.patient_sex as Sex | null) ?? null,
      ...(row.patient_card_number ? { cardNumber: row.patient_card_number } : {}),
    },
    // Absent rather than null on visits that did not record them (older rows, purged ones).
    ...(row.document ? { document: row.document as PresentedDocument } : {}),
    ...(row.priority_json ? { priority: JSON.parse(row.priority_json) as LawPriority } : {}),
    ...(row.guardian_name ? { guardianName: row.guardian_name } : {}),
    identitySource: row.identity_source as IdentitySource,
    chipVerification:
      row.passive_auth && row.chip_auth
        ? {
            passiveAuthentication: row.passive_auth as PassiveAuthStatus,
            chipAuthentication: row.chip_auth as ChipAuthStatus,
            chipAuthMethod: (row.chip_auth_method as 'CA' | 'AA' | null) ?? null,
            acceptedByStaff: fromDbBoolean(row.chip_accepted_by_staff),
            acceptedBy: row.chip_accepted_by_name
              ? { name: row.chip_accepted_by_name, idNumber: row.chip_accepted_by_id ?? null }
              : null,
            acceptedAt: row.chip_accepted_at ?? null,
          }
        : null,
    faceVerification: faceFromRow(row),
    insurance: JSON.parse(row.insurance_json) as VisitInsurance,
    createdAt: row.created_at,
    status: row.status === 'cancelled' ? 'cancelled' : 'active',
    cancelledReason: row.cancelled_reason,
    printStatus: row.print_status as PrintStatus,
    printError: row.print_error_json ? (JSON.parse(row.print_error_json) as KioskErrorShape) : null,
    flagged: fromDbBoolean(row.flagged),
    progress: {
      state:
        row.status === 'cancelled' ? 'cancelled' : ((row.progress ?? 'waiting') as VisitProgress),
      room: row.progress_room ?? null,
      at: row.progress_at ?? null,
      calls: row.call_count ?? 0,
    },
  };
}

export function recheckFromRow(row: RecheckRow): RecheckItem {
  return {
    id: row.id,
    visitId: row.visit_id,
    query: JSON.parse(row.query_json) as InsuranceQuery,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

export function discrepancyFromRow(row: DiscrepancyRow): Discrepancy {
  return {
    id: row.id,
    visitId: row.visit_id,
    queueNumber: row.queue_number,
    patientName: row.patient_name ?? '',
    usedAtCheckin: JSON.parse(row.used_json) as Discrepancy['usedAtCheckin'],
    recheck: JSON.parse(row.recheck_json) as Discrepancy['recheck'],
    resolved: row.resolved_at !== null,
  };
}

export function identityFromJson(json: string): CardIdentity {
  return JSON.parse(json) as CardIdentity;
}
