/**
 * A day's visits as CSV for the hospital's records: RFC 4180 (comma, CRLF, fields with comma,
 * quote or line break in double quotes, quotes doubled), UTF-8 with a byte-order mark so that
 * Excel shows Vietnamese names correctly when the file is opened by double-click.
 *
 * What goes in: the visit (day, time, station, department, lane, queue number, status, print
 * state, flag), the patient's name, date of birth and sex, and the insurance decision with the
 * BHYT card number (the hospital bills the fund by that number). What stays out by default: the
 * CCCD number: the records do not need it to find the patient, and it is the one national
 * identifier whose leak does the most harm. `includeIdNumber` adds it for hospitals whose
 * records are keyed on it. Text cells that a spreadsheet would run as a formula (= + - @) get a
 * leading apostrophe.
 */
import type { Visit } from '../../shared/domain';
import { hospitalDateTime } from '../../shared/hospital-day';

export interface CsvOptions {
  /** The hospital's zone (`hospital.timeZone`): times are written as its clocks show them. */
  timeZone: string;
  includeIdNumber?: boolean;
}

type Column = [header: string, value: (v: Visit) => string | number | boolean | null];

const columnsIn = (timeZone: string): Column[] => [
  ['date', (v) => v.date],
  ['checked_in_at', (v) => hospitalDateTime(v.createdAt, timeZone)],
  ['station', (v) => v.stationId],
  ['department', (v) => v.department],
  ['lane', (v) => v.lane],
  ['queue_number', (v) => v.queueNumber],
  ['status', (v) => v.status],
  ['cancelled_reason', (v) => v.cancelledReason],
  ['full_name', (v) => v.patient.fullName],
  ['date_of_birth', (v) => v.patient.dateOfBirth],
  ['sex', (v) => v.patient.sex],
  ['identity_source', (v) => v.identitySource],
  ['document', (v) => v.document ?? null],
  ['priority_reason', (v) => v.priority?.reason.vi ?? null],
  ['insurance_source', (v) => v.insurance.source],
  ['insurance_code', (v) => v.insurance.result?.code ?? null],
  ['insurance_outcome', (v) => v.insurance.result?.outcome ?? null],
  ['may_use_insurance', (v) => v.insurance.result?.mayUseInsurance ?? null],
  ['bhyt_card_number', (v) => v.insurance.result?.card?.number ?? null],
  ['coverage_percent', (v) => v.insurance.result?.card?.coveragePercent ?? null],
  ['registered_facility', (v) => v.insurance.result?.card?.registeredFacility?.code ?? null],
  [
    'cached_at',
    (v) => (v.insurance.cachedAt ? hospitalDateTime(v.insurance.cachedAt, timeZone) : null),
  ],
  ['cache_stale', (v) => v.insurance.stale],
  ['print_status', (v) => v.printStatus],
  ['flagged', (v) => v.flagged],
];

const ID_COLUMN: Column = ['id_number', (v) => v.patient.idNumber || null];

/** One field per RFC 4180, with the spreadsheet-formula guard for text. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function visitsToCsv(visits: readonly Visit[], options: CsvOptions): string {
  const all = columnsIn(options.timeZone);
  const columns = options.includeIdNumber ? [...all.slice(0, 8), ID_COLUMN, ...all.slice(8)] : all;
  const lines = [columns.map(([h]) => h).join(',')];
  for (const v of visits) lines.push(columns.map(([, get]) => csvField(get(v))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
