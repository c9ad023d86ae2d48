/**
 * The failed-lookup evidence for BHXH as CSV (RFC 4180 with a BOM, the same field rules as the
 * visits export) or as an HTML report that the Chromium PDF renderer turns into a PDF. What was
 * asked is there (card or ID number, name, date of birth), the credentials never were.
 */
import type { IsoDate } from '../../shared/domain';
import { escapeHtml } from '../print/slip-html';
import { csvField } from '../store/csv-export';
import { hospitalDateTime } from '../../shared/hospital-day';
import type { EvidenceRecord } from './failed-lookup';

type Column = [header: string, label: string, value: (e: EvidenceRecord) => string | number | null];

const columnsIn = (timeZone: string): Column[] => [
  ['asked_at', 'Thời điểm tra cứu / Asked at', (e) => hospitalDateTime(e.askedAt, timeZone)],
  ['queue_number', 'Số thứ tự / Queue no.', (e) => e.queueNumber],
  ['document', 'Giấy tờ xuất trình / Document shown', (e) => e.document ?? null],
  ['card_number', 'Mã thẻ BHYT / Card', (e) => e.query.cardNumber ?? null],
  ['id_number', 'Số CCCD / ID', (e) => e.query.idNumber ?? null],
  ['full_name', 'Họ tên / Name', (e) => e.query.fullName],
  ['date_of_birth', 'Ngày sinh / Born', (e) => e.query.dateOfBirth],
  ['endpoint', 'Dịch vụ / Endpoint', (e) => e.endpoint],
  ['failure', 'Lỗi / Failure', (e) => e.failure],
  ['http_status', 'HTTP', (e) => e.httpStatus],
  ['error_code', 'Mã lỗi / Code', (e) => e.errorCode],
  ['duration_ms', 'Thời gian (ms) / Duration', (e) => e.durationMs],
  [
    'recheck_at',
    'Tra cứu lại lúc / Re-checked at',
    (e) => (e.recheck ? hospitalDateTime(e.recheck.at, timeZone) : null),
  ],
  ['recheck_code', 'Kết quả tra lại / Re-check code', (e) => e.recheck?.code ?? null],
  ['recheck_outcome', 'Kết luận / Re-check outcome', (e) => e.recheck?.outcome ?? null],
];

/** `timeZone`: the hospital's (`hospital.timeZone`); times are written as its clocks show them. */
export function evidenceToCsv(records: readonly EvidenceRecord[], timeZone: string): string {
  const columns = columnsIn(timeZone);
  const lines = [columns.map(([h]) => h).join(',')];
  for (const r of records) lines.push(columns.map(([, , v]) => csvField(v(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function evidenceToHtml(
  records: readonly EvidenceRecord[],
  range: { from: IsoDate; to: IsoDate },
  hospital: { name: string; facilityCode: string; timeZone: string },
): string {
  const columns = columnsIn(hospital.timeZone);
  // One two-column block per record: A5 is too narrow for fifteen columns side by side.
  const blocks = records
    .map(
      (r, n) =>
        `<table><caption>${n + 1}</caption>${columns
          .map(
            ([, label, v]) =>
              `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(String(v(r) ?? ''))}</td></tr>`,
          )
          .join('')}</table>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
body{font-family:sans-serif;font-size:8pt;margin:5mm}
h1{font-size:10pt;margin:0 0 2mm}p{margin:0 0 3mm}
table{border-collapse:collapse;width:100%;margin-bottom:3mm;page-break-inside:avoid}
caption{text-align:left;font-weight:bold}
th,td{border:0.2mm solid #444;padding:0.8mm;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{width:38%;font-weight:normal}
</style></head><body>
<h1>Bằng chứng tra cứu thẻ BHYT không thành công (QĐ 2555/QĐ-BYT) / Evidence of failed BHYT lookups</h1>
<p>${escapeHtml(hospital.name)} — ${escapeHtml(hospital.facilityCode)} — ${escapeHtml(range.from)} … ${escapeHtml(range.to)} — ${records.length} lượt / records</p>
${blocks}
</body></html>`;
}
