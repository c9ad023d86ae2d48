/**
 * The audit trail as CSV (RFC 4180, UTF-8 with a byte-order mark, the spreadsheet-formula guard
 * of the visits export): who did what, where, when, to which visit and why.
 */
import type { AuditEntry } from '../../shared/domain';
import { hospitalDateTime } from '../../shared/hospital-day';
import { csvField } from '../store/csv-export';

const COLUMNS: [string, (e: AuditEntry, timeZone: string) => string | null][] = [
  ['day', (e) => e.day],
  ['at', (e, tz) => hospitalDateTime(e.at, tz)],
  ['action', (e) => e.action],
  ['officer_name', (e) => e.officerName],
  ['officer_id_number', (e) => e.officerIdNumber],
  ['station', (e) => e.stationId],
  ['visit_id', (e) => e.visitId],
  ['reason', (e) => e.reason],
  ['detail', (e) => e.detail],
];

export function auditToCsv(entries: readonly AuditEntry[], timeZone: string): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const e of entries) {
    lines.push(COLUMNS.map(([, get]) => csvField(get(e, timeZone))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
