/**
 * What a check-in slip says, worked out once from the visit and the configuration; the HTML and
 * the ESC/POS encoder only lay it out. Pure: no I/O, no clock (times come from the visit).
 *
 * Privacy: the slip carries the patient's name and year of birth only. The ID number, the full
 * date of birth and the unmasked insurance number never enter the model, so no layout can leak
 * them.
 */
import QRCode from 'qrcode';
import type { Lane, LocalizedText, Visit } from '../../shared/domain';
import { cardInUseOf } from '../../shared/domain';
import type { KioskConfig } from '../config/schema';
import { anySimulated } from '../config/simulated-parts';
import { printErrors } from './print-errors';

/** Vietnamese always; English null when the slip is Vietnamese only. */
export interface SlipText {
  vi: string;
  en: string | null;
}

export interface SlipField {
  label: SlipText;
  value: string;
}

export type SlipNoticeKind =
  | 'self-pay'
  | 'pending'
  | 'not-checked'
  | 'offline'
  | 'stale'
  | 'staff-confirmed'
  | 'not-covered'
  | 'cancelled'
  | 'simulated';

export interface SlipNotice {
  kind: SlipNoticeKind;
  text: SlipText;
}

export interface SlipQr {
  /** The visit's identifier and nothing else. */
  payload: string;
  /** Modules per side. */
  size: number;
  /** Row-major dark modules. */
  dark: boolean[][];
}

export interface SlipModel {
  language: 'vi' | 'vi+en';
  hospital: { name: SlipText; logoDataUrl: string | null };
  title: SlipText;
  queue: { label: SlipText; number: string };
  lane: { id: Lane; priority: boolean; label: SlipText };
  department: { code: string; name: SlipText; room: SlipText; directions: SlipText | null };
  patient: SlipField[];
  insurance: { covered: boolean; fields: SlipField[]; notices: SlipNotice[] };
  footer: SlipField[];
  closing: SlipText;
  qr: SlipQr;
}

export interface SlipModelOptions {
  /** data: URL of the hospital's logo (see logo.ts), null to print the name alone. */
  logoDataUrl: string | null;
}

const LANE_LABELS: Record<Lane, LocalizedText> = {
  normal: { vi: 'Hàng thường', en: 'Standard queue' },
  elderly: { vi: 'ƯU TIÊN · Người cao tuổi', en: 'PRIORITY · Elderly' },
  child: { vi: 'ƯU TIÊN · Trẻ em dưới 6 tuổi', en: 'PRIORITY · Child under 6' },
  disability: { vi: 'ƯU TIÊN · Người khuyết tật', en: 'PRIORITY · Person with a disability' },
  pregnant: { vi: 'ƯU TIÊN · Phụ nữ có thai', en: 'PRIORITY · Pregnant woman' },
  emergency: { vi: 'CẤP CỨU', en: 'EMERGENCY' },
  merit: { vi: 'ƯU TIÊN · Người có công', en: 'PRIORITY · Person of merit' },
};

const L = {
  title: { vi: 'PHIẾU ĐĂNG KÝ KHÁM BỆNH', en: 'Check-in slip' },
  guardian: { vi: 'Người giám hộ', en: 'Guardian' },
  queue: { vi: 'Số thứ tự', en: 'Queue number' },
  name: { vi: 'Họ và tên', en: 'Name' },
  yearOfBirth: { vi: 'Năm sinh', en: 'Year of birth' },
  cardNumber: { vi: 'Số thẻ BHYT', en: 'Insurance card' },
  validity: { vi: 'Hạn thẻ đến', en: 'Valid until' },
  coverage: { vi: 'Mức hưởng', en: 'Coverage' },
  checkedIn: { vi: 'Giờ đăng ký', en: 'Checked in' },
  booked: { vi: 'Giờ hẹn khám', en: 'Appointment' },
  station: { vi: 'Quầy', en: 'Station' },
  closing: {
    vi: 'Vui lòng chờ gọi số tại phòng khám và giữ phiếu này.',
    en: 'Please wait for your number to be called and keep this slip.',
  },
  selfPay: {
    vi: 'KHÁM DỊCH VỤ · Người bệnh tự chi trả',
    en: 'SELF-PAY · Not covered by health insurance',
  },
  pending: {
    vi: 'BHYT CHỜ XÁC NHẬN · Nhân viên sẽ kiểm tra lại',
    en: 'INSURANCE PENDING · Staff will confirm it',
  },
  notChecked: {
    vi: 'Chưa kiểm tra BHYT · Xuất trình thẻ tại quầy',
    en: 'Insurance not checked · Show your card at the desk',
  },
  // A stale cached result reaches a slip only after staff confirmed it (the check-in refuses a
  // number otherwise), so the slip must not send the patient back to the desk for it.
  stale: {
    vi: 'Kết quả BHYT đã cũ · Nhân viên đã xác nhận',
    en: 'Old insurance result · Confirmed by staff',
  },
  staffConfirmed: { vi: 'BHYT do nhân viên xác nhận', en: 'Insurance confirmed by staff' },
  cancelled: { vi: 'LƯỢT KHÁM ĐÃ HUỶ', en: 'VISIT CANCELLED' },
  // Both languages on every slip, whatever printer.language says: nobody may take it for real.
  simulated: {
    vi: 'MÔ PHỎNG / SIMULATED · Dữ liệu thử, không có giá trị',
    en: 'Made with a simulator: not valid for a visit',
  },
} satisfies Record<string, LocalizedText>;

export function buildSlipModel(
  visit: Visit,
  config: KioskConfig,
  options: SlipModelOptions,
): SlipModel {
  if (!visit.id) throw printErrors.badInput('visit has no id');
  if (!visit.queueNumber) throw printErrors.badInput('visit has no queue number');
  const language = config.printer.language;
  const t = (text: LocalizedText): SlipText => ({
    vi: text.vi,
    en: language === 'vi+en' ? text.en : null,
  });
  const zone = config.printer.timeZone ?? config.hospital.timeZone;
  const reception = config.arrivals.reception;
  // The reception desk's queue (a person the kiosk could not identify) is not a department.
  const dept =
    config.departments.find((d) => d.code === visit.department) ??
    (visit.department === reception.code
      ? { name: reception.name, room: reception.name, directions: null }
      : undefined);
  // A department removed from the configuration since the visit: print its code, never fail.
  const code = { vi: visit.department, en: visit.department };

  const insurance = insuranceSection(visit, t, zone);
  if (visit.status === 'cancelled') {
    insurance.notices.unshift({ kind: 'cancelled', text: t(L.cancelled) });
  }
  if (anySimulated(config)) {
    insurance.notices.unshift({ kind: 'simulated', text: t(L.simulated) });
  }
  const year = visit.patient.dateOfBirth?.slice(0, 4) ?? '';

  return {
    language,
    hospital: { name: t(config.hospital.name), logoDataUrl: options.logoDataUrl },
    title: t(L.title),
    queue: { label: t(L.queue), number: visit.queueNumber },
    lane: { id: visit.lane, priority: visit.lane !== 'normal', label: t(LANE_LABELS[visit.lane]) },
    department: {
      code: visit.department,
      name: t(dept?.name ?? code),
      room: t(dept?.room ?? { vi: '', en: '' }),
      directions: dept?.directions ? t(dept.directions) : null,
    },
    patient: [
      { label: t(L.name), value: visit.patient.fullName },
      { label: t(L.yearOfBirth), value: /^\d{4}$/.test(year) ? year : '—' },
      // A child's BHYT card names the parent or guardian who brings them.
      ...(visit.guardianName ? [{ label: t(L.guardian), value: visit.guardianName }] : []),
    ],
    insurance,
    footer: [
      ...(visit.bookedStart
        ? [{ label: t(L.booked), value: formatDateTime(visit.bookedStart, zone, true) }]
        : []),
      { label: t(L.checkedIn), value: formatDateTime(visit.createdAt, zone, true) },
      { label: t(L.station), value: visit.stationId },
    ],
    closing: t(L.closing),
    qr: qrFor(visit.id),
  };
}

function insuranceSection(
  visit: Visit,
  t: (text: LocalizedText) => SlipText,
  zone: string | null,
): SlipModel['insurance'] {
  const { source, result, stale, cachedAt } = visit.insurance;
  const notices: SlipNotice[] = [];
  if (source === 'self-pay') {
    return { covered: false, fields: [], notices: [{ kind: 'self-pay', text: t(L.selfPay) }] };
  }
  if (source === 'disabled') {
    return {
      covered: false,
      fields: [],
      notices: [{ kind: 'not-checked', text: t(L.notChecked) }],
    };
  }
  if (source === 'pending') notices.push({ kind: 'pending', text: t(L.pending) });
  if (source === 'cache') {
    const at = formatDateTime(cachedAt ?? result?.checkedAt ?? '', zone, false);
    notices.push({
      kind: 'offline',
      text: t({
        vi: `Kết quả BHYT ngoại tuyến, kiểm tra lúc ${at}`,
        en: `Offline insurance result, checked at ${at}`,
      }),
    });
    if (stale) notices.push({ kind: 'stale', text: t(L.stale) });
  }
  if (source === 'staff-override') {
    notices.push({ kind: 'staff-confirmed', text: t(L.staffConfirmed) });
  }
  // "Accept insurance" is staff overruling the answer on screen: the slip says covered, once.
  const accepted = source === 'staff-override';
  const covered = accepted || (source !== 'pending' && (result?.mayUseInsurance ?? false));
  if (result && !result.mayUseInsurance && source !== 'pending' && !accepted) {
    notices.push({
      kind: 'not-covered',
      text: t({
        vi: `Không hưởng BHYT: ${result.message.vi}`,
        en: `No insurance cover: ${result.message.en}`,
      }),
    });
  }
  const card = result?.card ?? null;
  // A replaced card: the patient uses the new one (its number and dates) once it has started.
  const inUse = cardInUseOf(result ?? null);
  const number = inUse?.number ?? null;
  const validTo = inUse?.validTo ?? null;
  const fields: SlipField[] = [];
  if (card || number) {
    if (number) fields.push({ label: t(L.cardNumber), value: maskCardNumber(number) });
    // Only the end date: a child's card is valid from the day of birth, so the start date
    // would print the full date of birth (and see validityText for the end date).
    if (validTo) {
      fields.push({
        label: t(L.validity),
        value: validityText(validTo, visit.patient.dateOfBirth),
      });
    }
    if (card && card.coveragePercent !== null) {
      fields.push({ label: t(L.coverage), value: `${card.coveragePercent}%` });
    }
  }
  return { covered, fields, notices };
}

/**
 * The card's end date, or only its year when the date would give the birthday away: a child's
 * card (TE) runs until the day before the sixth birthday, so `dd/mm` of its end plus one day is
 * the day and month of birth, and the slip already carries the year.
 */
export function validityText(validTo: string, dateOfBirth: string | null): string {
  const end = /^(\d{4})-(\d{2})-(\d{2})/.exec(validTo);
  const born = dateOfBirth ? /^\d{4}-(\d{2})-(\d{2})/.exec(dateOfBirth) : null;
  if (!end || !born) return formatDate(validTo);
  const monthDay = (d: Date): string =>
    `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  const last = new Date(Date.UTC(Number(end[1]), Number(end[2]) - 1, Number(end[3])));
  const next = new Date(last.getTime() + 86_400_000);
  const birthday = `${born[1]}-${born[2]}`;
  return monthDay(last) === birthday || monthDay(next) === birthday ? end[1]! : formatDate(validTo);
}

/** `DN4010123456781` → `DN40•••••••6781`: enough for staff to match the card, not to use it. */
export function maskCardNumber(number: string): string {
  const n = number.trim();
  if (n.length <= 4) return '•'.repeat(n.length);
  const head = n.length >= 12 ? 4 : 0;
  return n.slice(0, head) + '•'.repeat(n.length - head - 4) + n.slice(-4);
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`; '—' when unknown. */
export function formatDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '—';
}

/** `HH:mm dd/mm/yyyy` (or `HH:mm dd/mm`) in `zone`, or the machine's zone when null. */
export function formatDateTime(iso: string, zone: string | null, withYear: boolean): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '—';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone ?? undefined,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('day')}/${get('month')}`;
  return `${get('hour')}:${get('minute')} ${withYear ? `${day}/${get('year')}` : day}`;
}

function qrFor(payload: string): SlipQr {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const dark: boolean[][] = [];
  for (let y = 0; y < size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < size; x++) row.push(qr.modules.get(y, x) === 1);
    dark.push(row);
  }
  return { payload, size, dark };
}
