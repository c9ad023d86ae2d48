/**
 * What the simulated gateway answers, from the made-up identity catalog (SIM_IDENTITIES): the
 * same person a simulated CCCD chip holds has the insurance record of their scenario. Pure:
 * the request body, the endpoint and today's date in, the JSON answer out.
 *
 * Validity windows are moved by whole years relative to today so that a "valid" card stays
 * valid and an "expired" one stays expired whatever year the simulator runs in.
 */
import type { IsoDate } from '../../shared/domain';
import {
  SIM_CARD_ONLY_PEOPLE,
  SIM_IDENTITIES,
  type InsuranceScenario,
  type SimIdentity,
} from '../data/identities';
import { BHYT_NUMBER, CCCD_NUMBER } from '../../main/insurance/card-number';
import { isoToWireDate } from '../../main/insurance/dates';
import { nameKey } from '../../main/insurance/names';

export type SimEndpoint = '2018' | '2024';
export type SimAnswer = Record<string, unknown> & { maKetQua: string; ghiChu: string };

const SCENARIO_CODE: Record<InsuranceScenario, string> = {
  valid: '000',
  defence: '001',
  police: '002',
  'replaced-old-expired': '003',
  'replaced-old-valid': '004',
  expired: '010',
  'no-card': '050',
  revoked: '110',
  reduced: '120',
  'reduced-moved': '121',
  'child-under-6': '000',
  'child-no-card': '130',
  'wrong-name': '000',
  'wrong-dob': '000',
  'wrong-facility': '090',
};

const NOTES: Record<string, string> = {
  '000': 'Thẻ còn giá trị sử dụng.',
  '001': 'Thẻ do BHXH Bộ Quốc phòng quản lý. Đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân.',
  '002': 'Thẻ do BHXH Bộ Công an quản lý. Đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân.',
  '003': 'Thẻ cũ hết giá trị sử dụng, chủ thẻ đã được cấp thẻ mới.',
  '004': 'Thẻ cũ còn giá trị sử dụng, chủ thẻ đã được cấp thẻ mới.',
  '010': 'Thẻ hết giá trị sử dụng.',
  '050': 'Không có thông tin thẻ.',
  '051': 'Mã thẻ không đúng.',
  '052': 'Mã tỉnh cấp thẻ (ký tự 4, 5 của mã thẻ) không đúng.',
  '053': 'Mã quyền lợi thẻ (ký tự thứ 3 của mã thẻ) không đúng.',
  '054': 'CCCD của cán bộ tra cứu không có trong danh sách người dùng của cơ sở.',
  '055': 'Họ tên cán bộ tra cứu không khớp với CCCD.',
  '060': 'Họ tên không đúng.',
  '070': 'Ngày sinh không đúng.',
  '090': 'Nơi đăng ký KCB ban đầu không đúng.',
  '110': 'Thẻ đã bị thu hồi.',
  '120': 'Thẻ đã bị báo giảm.',
  '121': 'Thẻ đã bị báo giảm do chuyển ngoại tỉnh.',
  '130': 'Trẻ em không xuất trình thẻ.',
  '205': 'Lỗi sai định dạng tham số.',
};

/** Scenarios whose card is meant to cover today; the others' (old) card is meant to be over. */
const PAST_WINDOW: ReadonlySet<InsuranceScenario> = new Set(['expired', 'replaced-old-expired']);

function addYears(iso: IsoDate, years: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

interface Window {
  from: IsoDate;
  to: IsoDate;
}

function shift(w: Window, years: number): Window {
  return { from: addYears(w.from, years), to: addYears(w.to, years) };
}

/** Moves a window by whole years until it covers today (current) or ends before it (past). */
export function rollWindow(w: Window, today: IsoDate, past: boolean): Window {
  let k = 0;
  if (past) {
    while (shift(w, k).to >= today) k--;
    while (k < 0 && shift(w, k + 1).to < today) k++;
  } else {
    while (shift(w, k).to < today) k++;
    while (shift(w, k).from > today && shift(w, k - 1).to >= today) k--;
  }
  return shift(w, k);
}

function answer(code: string, fields: Record<string, unknown> = {}): SimAnswer {
  return {
    maKetQua: code,
    ghiChu: NOTES[code] ?? '',
    maThe: null,
    hoTen: null,
    ngaySinh: null,
    gioiTinh: null,
    diaChi: null,
    maDKBD: null,
    cqBHXH: null,
    gtTheTu: null,
    gtTheDen: null,
    maKV: null,
    ngayDu5Nam: null,
    maSoBHXH: null,
    maTheCu: null,
    maTheMoi: null,
    gtTheTuMoi: null,
    gtTheDenMoi: null,
    maDKBDMoi: null,
    tenDKBDMoi: null,
    dsLichSuKCB2018: null,
    dsLichSuKT2018: null,
    ...fields,
  };
}

interface Match {
  identity: SimIdentity;
  /** The query named the replacement card of a replaced card. */
  byNewCard: boolean;
}

type Lookup = { found: Match } | { code: string };

/** Everyone the register knows: chip holders and children with a BHYT card only. */
const PEOPLE: readonly Pick<SimIdentity, 'index' | 'card' | 'insurance'>[] = [
  ...SIM_IDENTITIES,
  ...SIM_CARD_ONLY_PEOPLE,
];

function findPerson(maThe: string): Lookup {
  const people = PEOPLE as readonly SimIdentity[];
  if (CCCD_NUMBER.test(maThe)) {
    const identity = people.find((p) => p.card.idNumber === maThe);
    return identity ? { found: { identity, byNewCard: false } } : { code: '050' };
  }
  if (/^\d{10}$/.test(maThe)) {
    const identity = people.find((p) => p.insurance.cardNumber?.slice(5) === maThe);
    return identity ? { found: { identity, byNewCard: false } } : { code: '050' };
  }
  if (!BHYT_NUMBER.test(maThe)) return { code: '051' };
  for (const identity of people) {
    if (identity.insurance.cardNumber === maThe) return { found: { identity, byNewCard: false } };
    if (identity.insurance.newCardNumber === maThe) return { found: { identity, byNewCard: true } };
  }
  // Same social-insurance number, a wrong character in front: say which one.
  const same = people.find((p) => p.insurance.cardNumber?.slice(5) === maThe.slice(5));
  const known = same?.insurance.cardNumber;
  if (!known) return { code: '050' };
  if (known.slice(0, 2) !== maThe.slice(0, 2)) return { code: '051' };
  if (known[2] !== maThe[2]) return { code: '053' };
  return { code: '052' };
}

function history(identity: SimIdentity, today: IsoDate): unknown[] {
  if (identity.insurance.openStayElsewhere) {
    // Admitted at another hospital yesterday morning, not discharged: no ngayRa, no outcome.
    const y = addDays(today, -1).replaceAll('-', '');
    return [
      {
        maHoSo: `${identity.index}${y}0009`,
        maCSKCB: '79024',
        ngayVao: `${y}0815`,
        ngayRa: null,
        tenBenh: 'Viêm ruột thừa cấp',
        tinhTrang: null,
        kqDieuTri: null,
        lyDoVV: '2',
      },
    ];
  }
  // Two made-up visits for people with an even index: enough to exercise the mapping.
  if (identity.index % 2 !== 0) return [];
  const year = Number(today.slice(0, 4)) - 1;
  return [
    {
      maHoSo: `${identity.index}${year}0001`,
      maCSKCB: identity.insurance.facilityCode,
      ngayVao: `${year}03150810`,
      ngayRa: `${year}03151030`,
      tenBenh: 'Viêm họng cấp',
      tinhTrang: '1',
      kqDieuTri: '2',
      lyDoVV: '1',
    },
    {
      maHoSo: `${identity.index}${year}0002`,
      maCSKCB: '01001',
      ngayVao: `${year}09020900`,
      ngayRa: `${year}09061600`,
      tenBenh: 'Viêm phổi',
      tinhTrang: '1',
      kqDieuTri: '1',
      lyDoVV: '2',
    },
  ];
}

function dobMatches(query: string, registered: IsoDate | null): boolean {
  if (!registered) return true;
  const wire = isoToWireDate(registered);
  return /^\d{4}$/.test(query) ? query === registered.slice(0, 4) : query === wire;
}

/** The facility's registered checking officers: 054 when the ID is not one, 055 on a name mismatch. */
export interface SimOfficer {
  name: string;
  idNumber: string;
}

function officerCode(
  b: Record<string, unknown>,
  registered: readonly SimOfficer[] | null,
): string | null {
  if (typeof b.cccdCb !== 'string' || !CCCD_NUMBER.test(b.cccdCb)) return '054';
  if (typeof b.hoTenCb !== 'string' || !b.hoTenCb.trim()) return '055';
  if (!registered) return null;
  const officer = registered.find((o) => o.idNumber === b.cccdCb);
  if (!officer) return '054';
  return nameKey(officer.name) === nameKey(b.hoTenCb) ? null : '055';
}

/**
 * The treatment history (Lskcb2025): the same checks of the question as the card check, then
 * `dsLichSuKCB2025` (null when the person has no visits, as the real one answers).
 */
export function simHistory(
  body: unknown,
  today: IsoDate,
  officers: readonly SimOfficer[] | null = null,
): Record<string, unknown> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const asCheck = simAnswer(body, '2024', today, officers);
  const code = asCheck.maKetQua;
  if (!['000', '001', '002', '003', '004', '010'].includes(code)) {
    return { maKetQua: code, ghiChu: asCheck.ghiChu, dsLichSuKCB2025: null };
  }
  const maThe = typeof b.maThe === 'string' ? b.maThe.trim().toUpperCase() : '';
  const lookup = findPerson(maThe);
  const items = 'found' in lookup ? history(lookup.found.identity, today) : [];
  return {
    maKetQua: '000',
    ghiChu: 'Lấy lịch sử KCB thành công.',
    dsLichSuKCB2025: items.length ? items : null,
  };
}

export function simAnswer(
  body: unknown,
  endpoint: SimEndpoint,
  today: IsoDate,
  officers: readonly SimOfficer[] | null = null,
): SimAnswer {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const maThe = typeof b.maThe === 'string' ? b.maThe.trim().toUpperCase() : '';
  const hoTen = typeof b.hoTen === 'string' ? b.hoTen : '';
  const ngaySinh = typeof b.ngaySinh === 'string' ? b.ngaySinh.trim() : '';
  if (!maThe || !hoTen.trim() || !/^(\d{2}\/\d{2}\/\d{4}|\d{4})$/.test(ngaySinh)) {
    return answer('205');
  }
  if (endpoint === '2024') {
    const refused = officerCode(b, officers);
    if (refused) return answer(refused);
  }
  const lookup = findPerson(maThe);
  if ('code' in lookup) return answer(lookup.code);
  const { identity, byNewCard } = lookup.found;
  const rec = identity.insurance;
  if (!rec.cardNumber) return answer(rec.scenario === 'child-no-card' ? '130' : '050');

  const registeredName = rec.registeredName ?? identity.card.fullName;
  const registeredDob = rec.registeredDob ?? identity.card.dateOfBirth;
  if (nameKey(hoTen) !== nameKey(registeredName)) return answer('060');
  if (!dobMatches(ngaySinh, registeredDob)) return answer('070');

  let code = SCENARIO_CODE[rec.scenario];
  const base: Window = { from: rec.validFrom ?? today, to: rec.validTo ?? today };
  const oldWindow = rollWindow(base, today, PAST_WINDOW.has(rec.scenario));
  let cardNumber = rec.cardNumber;
  let window = oldWindow;
  const replacement: Record<string, unknown> = {};
  if (rec.newCardNumber) {
    const newWindow =
      rec.scenario === 'replaced-old-expired'
        ? rollWindow(base, today, false)
        : { from: oldWindow.from, to: addYears(oldWindow.to, 1) };
    if (byNewCard) {
      // Asked with the new card: it is simply a valid card.
      code = '000';
      cardNumber = rec.newCardNumber;
      window = newWindow;
      replacement.maTheCu = rec.cardNumber;
    } else {
      Object.assign(replacement, {
        maTheMoi: rec.newCardNumber,
        gtTheTuMoi: isoToWireDate(newWindow.from),
        gtTheDenMoi: isoToWireDate(newWindow.to),
        maDKBDMoi: rec.facilityCode,
        tenDKBDMoi: rec.facilityName,
      });
    }
  }
  const c = identity.card;
  return answer(code, {
    maThe: cardNumber,
    hoTen: registeredName,
    ngaySinh: registeredDob ? isoToWireDate(registeredDob) : null,
    gioiTinh: c.sex === 'F' ? 'Nữ' : c.sex === 'M' ? 'Nam' : null,
    diaChi: c.placeOfResidence || null,
    maDKBD: rec.facilityCode,
    cqBHXH: `BHXH tỉnh mã ${cardNumber.slice(3, 5)} (mô phỏng)`,
    gtTheTu: isoToWireDate(window.from),
    gtTheDen: isoToWireDate(window.to),
    maKV: rec.areaCode,
    ngayDu5Nam: rec.fiveYearsFrom ? isoToWireDate(rec.fiveYearsFrom) : null,
    maSoBHXH: cardNumber.slice(5),
    ...replacement,
    // The 2024 check no longer carries the history (moved to Lskcb2025).
    dsLichSuKCB2018: endpoint === '2018' ? history(identity, today) : null,
    dsLichSuKT2018: endpoint === '2018' ? [] : null,
  });
}
