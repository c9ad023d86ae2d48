/** An audit_log row as both engines store it. */
import type { AuditAction, AuditEntry } from '../../shared/domain';
import type { NewAuditEntry } from './audit-contract';

export interface AuditRow {
  /** A number on SQLite, a string on PostgreSQL (bigint). */
  id: number | string;
  uid: string;
  at: string;
  day: string;
  action: string;
  officer_name: string | null;
  officer_id_number: string | null;
  station_id: string;
  visit_id: string | null;
  reason: string | null;
  detail: string | null;
}

export const AUDIT_INSERT_COLUMNS =
  'uid, at, day, action, officer_name, officer_id_number, station_id, visit_id, reason, detail';

export function auditInsertValues(e: NewAuditEntry): (string | null)[] {
  return [
    e.uid,
    e.at,
    e.day,
    e.action,
    e.officerName,
    e.officerIdNumber,
    e.stationId,
    e.visitId,
    e.reason,
    e.detail,
  ];
}

export function auditFromRow(r: AuditRow): AuditEntry {
  return {
    id: Number(r.id),
    uid: r.uid,
    at: r.at,
    day: r.day,
    action: r.action as AuditAction,
    officerName: r.officer_name,
    officerIdNumber: r.officer_id_number,
    stationId: r.station_id,
    visitId: r.visit_id,
    reason: r.reason,
    detail: r.detail,
  };
}
