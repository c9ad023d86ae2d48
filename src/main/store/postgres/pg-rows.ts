/**
 * Writing a new visit row on PostgreSQL: the columns a check-in fills, from the request, the id
 * and the number it got. Reading goes through ../rows.ts, shared with SQLite. Also used for visits
 * that arrive with a number already given (a station's offline visits uploaded later).
 */
import type pg from 'pg';
import type { CheckInRequest } from '../store-contract';
import { storedInsurance } from '../rows';
import { faceColumns } from '../face-columns';

/**
 * Whose active visit a check-in may be a repeat of: the person's by the CCCD number, else by the
 * BHYT card (a child known only by it); a desk ticket for someone not yet identified is nobody's
 * repeat. One rule for the tables' path and the kiosk's functions.
 */
export function repeatKey(req: CheckInRequest): { by: 'id' | 'card'; value: string } | null {
  if (req.patient.idNumber) return { by: 'id', value: req.patient.idNumber };
  const card = req.patient.cardNumber ?? null;
  return card ? { by: 'card', value: card } : null;
}

export interface NewVisit {
  id: string;
  queueSeq: number;
  queueNumber: string;
}

/** The columns a new visit fills, in the order of `newVisitValues`. */
export const NEW_VISIT_COLUMNS = [
  'id',
  'day',
  'station_id',
  'department',
  'lane',
  'queue_seq',
  'queue_number',
  'patient_id_number',
  'patient_name',
  'patient_dob',
  'patient_sex',
  'identity_source',
  'passive_auth',
  'chip_auth',
  'chip_auth_method',
  'chip_accepted_by_staff',
  'chip_accepted_by_name',
  'chip_accepted_by_id',
  'chip_accepted_at',
  'insurance_json',
  'created_at',
  'patient_card_number',
  'document',
  'priority_json',
  'face_decision',
  'face_score',
  'face_threshold',
  'face_liveness',
  'face_model',
  'guardian_name',
] as const;

export function newVisitValues(req: CheckInRequest, v: NewVisit): unknown[] {
  const chip = req.chipVerification ?? null;
  return [
    v.id,
    req.date,
    req.stationId,
    req.department,
    req.lane,
    v.queueSeq,
    v.queueNumber,
    req.patient.idNumber || null,
    req.patient.fullName,
    req.patient.dateOfBirth,
    req.patient.sex,
    req.identitySource,
    chip?.passiveAuthentication ?? null,
    chip?.chipAuthentication ?? null,
    chip?.chipAuthMethod ?? null,
    chip?.acceptedByStaff ?? false,
    chip?.acceptedBy?.name ?? null,
    chip?.acceptedBy?.idNumber ?? null,
    chip?.acceptedAt ?? null,
    JSON.stringify(storedInsurance(req.insurance)),
    req.createdAt,
    req.patient.cardNumber ?? null,
    req.document ?? null,
    req.priority ? JSON.stringify(req.priority) : null,
    ...Object.values(faceColumns(req.faceVerification)),
    req.guardianName ?? null,
  ];
}

const INSERT_VISIT = `INSERT INTO visits (${NEW_VISIT_COLUMNS.join(', ')})
  VALUES (${NEW_VISIT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/** Inserts the visit (inside the caller's transaction). */
export async function insertVisit(
  client: pg.PoolClient,
  req: CheckInRequest,
  visit: NewVisit,
): Promise<void> {
  await client.query(INSERT_VISIT, newVisitValues(req, visit));
}

/**
 * The name of the constraint a unique violation (23505) broke, '' for anything else; looks
 * through a STORE_* KioskError to the server's error it wraps.
 */
export function violatedUnique(err: unknown): string {
  const e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | null;
  if (e?.code === '23505' && typeof e.constraint === 'string') return e.constraint;
  return e?.cause && e.cause !== err ? violatedUnique(e.cause) : '';
}
