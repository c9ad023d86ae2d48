/**
 * A parsed card-check answer → the kiosk's InsuranceResult: the result code's meaning, the card
 * with ISO dates, what the card number decodes to, the benefit level in force today, validity
 * against today, registered facility against this one. Pure: today and the rules come in.
 *
 * The one rule above all: an answer never becomes "may use insurance" unless the code says so
 * AND the card it describes is readable and valid today.
 */
import type { CoverageRule } from '../config/sections/insurance';
import type {
  CardInUse,
  InsuranceAssessment,
  InsuranceCard,
  InsuranceReplacement,
  InsuranceResult,
  IsoDate,
  IsoDateTime,
  LocalizedText,
  Sex,
  TreatmentHistoryItem,
} from '../../shared/domain';
import { decodeCardNumber } from './card-number';
import { coverageFor } from './coverage';
import {
  InvalidDateError,
  daysBetween,
  isoToWireDate,
  wireDateToIso,
  wireStampToIso,
} from './dates';
import { insuranceErrors } from './errors';
import { meaningOf } from './result-codes';
import type { CardAnswer, WireHistoryItem } from './wire';

export interface MapContext {
  today: IsoDate;
  checkedAt: IsoDateTime;
  facilityCode: string;
  facilityName: string | null;
  rules: readonly CoverageRule[];
}

const EXPIRY_WARNING_DAYS = 30;

const STATUS: Record<string, string> = {
  '1': 'discharged',
  '2': 'transferred',
  '3': 'absconded',
  '4': 'left-on-request',
};
const RESULT: Record<string, string> = {
  '1': 'cured',
  '2': 'improved',
  '3': 'unchanged',
  '4': 'worse',
  '5': 'died',
};
const REASON: Record<string, string> = {
  '1': 'right-route',
  '2': 'emergency',
  '3': 'wrong-route',
  '4': 'inter-route',
};

function sexOf(value: string | null): Sex | null {
  if (!value) return null;
  const v = value.normalize('NFC').toLowerCase();
  if (v === 'nam' || v === '1' || v === 'm') return 'M';
  if (v === 'nữ' || v === 'nu' || v === '2' || v === 'f') return 'F';
  return null;
}

/** Dates the decision rests on must be readable; the rest degrade to null. */
function date(value: string | null, field: string, strict: boolean): IsoDate | null {
  try {
    return wireDateToIso(value, field);
  } catch (err) {
    if (strict && err instanceof InvalidDateError) {
      throw insuranceErrors.badAnswer({ detail: `card check: unreadable date in ${field}` });
    }
    return null;
  }
}

function lenient<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

export function historyItem(h: WireHistoryItem): TreatmentHistoryItem {
  const code = (table: Record<string, string>, v: string | null): string | null =>
    v === null ? null : (table[v] ?? v);
  return {
    recordId: h.maHoSo,
    facilityCode: h.maCSKCB,
    admittedAt: lenient(() => wireStampToIso(h.ngayVao, 'ngayVao')),
    dischargedAt: lenient(() => wireStampToIso(h.ngayRa, 'ngayRa')),
    diagnosis: h.tenBenh,
    status: code(STATUS, h.tinhTrang),
    result: code(RESULT, h.kqDieuTri),
    reason: code(REASON, h.lyDoVV),
  };
}

function covers(today: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean | null {
  if (!from && !to) return null;
  return (!from || from <= today) && (!to || today <= to);
}

const vn = isoToWireDate;

export function mapAnswer(a: CardAnswer, ctx: MapContext): InsuranceResult {
  const meaning = meaningOf(a.maKetQua);
  const claimsValid = meaning.mayUseInsurance;
  if (claimsValid && (!a.maThe || !a.gtTheDen)) {
    // "Valid" with no card or no end date cannot be trusted: not an answer we can act on.
    throw insuranceErrors.badAnswer({
      detail: `card check: code ${a.maKetQua} without ${a.maThe ? 'gtTheDen' : 'maThe'}`,
    });
  }
  const decoded = decodeCardNumber(a.maThe);
  const cover = decoded
    ? coverageFor(ctx.rules, ctx.today, decoded.group, decoded.printedLevel)
    : null;

  const card: InsuranceCard | null = a.maThe
    ? {
        number: a.maThe,
        holderName: a.hoTen,
        dateOfBirth: lenient(() => wireDateToIso(a.ngaySinh, 'ngaySinh', true)),
        sex: sexOf(a.gioiTinh),
        address: a.diaChi,
        validFrom: date(a.gtTheTu, 'gtTheTu', claimsValid),
        validTo: date(a.gtTheDen, 'gtTheDen', claimsValid),
        registeredFacility: a.maDKBD
          ? {
              code: a.maDKBD,
              name: a.tenDKBD ?? (a.maDKBD === ctx.facilityCode ? ctx.facilityName : null),
            }
          : null,
        benefitLevel: cover?.level ?? decoded?.printedLevel ?? null,
        coveragePercent: cover?.percent ?? null,
        fiveYearsContinuousFrom: date(a.ngayDu5Nam, 'ngayDu5Nam', false),
        areaCode: a.maKV && /^K[123]$/i.test(a.maKV) ? a.maKV.toUpperCase() : null,
        socialInsuranceNumber: a.maSoBHXH ?? decoded?.socialInsuranceNumber ?? null,
      }
    : null;

  const replaced = Boolean(a.maTheMoi || a.gtTheTuMoi || a.gtTheDenMoi || a.maDKBDMoi);
  const replacement: InsuranceReplacement | null = replaced
    ? {
        number: a.maTheMoi,
        validFrom: date(a.gtTheTuMoi, 'gtTheTuMoi', false),
        validTo: date(a.gtTheDenMoi, 'gtTheDenMoi', false),
        registeredFacility: a.maDKBDMoi ? { code: a.maDKBDMoi, name: a.tenDKBDMoi } : null,
      }
    : null;

  // For a replaced card (003/004) the new card is what the patient uses once it has started on
  // the hospital's day; before that the old one, while it still covers today (004).
  const newStarted =
    Boolean(replacement?.number) && covers(ctx.today, replacement!.validFrom, null);
  const oldCovers = covers(ctx.today, card?.validFrom ?? null, card?.validTo ?? null) === true;
  const useNew =
    meaning.outcome === 'replaced-card' &&
    Boolean(replacement?.number && replacement.validTo) &&
    (newStarted || !oldCovers);
  const cardInUse: CardInUse | null = useNew
    ? {
        number: replacement!.number!,
        validFrom: replacement!.validFrom,
        validTo: replacement!.validTo,
        registeredFacility: replacement!.registeredFacility ?? card?.registeredFacility ?? null,
        isReplacement: true,
      }
    : card
      ? {
          number: card.number,
          validFrom: card.validFrom,
          validTo: card.validTo,
          registeredFacility: card.registeredFacility,
          isReplacement: false,
        }
      : null;
  const inUse = {
    from: cardInUse?.validFrom ?? null,
    to: cardInUse?.validTo ?? null,
    facility: cardInUse?.registeredFacility ?? null,
  };

  const notes: LocalizedText[] = [];
  const validToday = covers(ctx.today, inUse.from, inUse.to);
  const registeredHere = inUse.facility ? inUse.facility.code === ctx.facilityCode : null;
  const fiveFrom = card?.fiveYearsContinuousFrom ?? null;
  const fiveYearsContinuous = fiveFrom ? fiveFrom <= ctx.today : null;

  let outcome = meaning.outcome;
  let mayUseInsurance = meaning.mayUseInsurance;
  let message = meaning.message;
  if (mayUseInsurance && validToday === false) {
    outcome = 'not-insured';
    mayUseInsurance = false;
    const range = `${inUse.from ? vn(inUse.from) : '…'} – ${inUse.to ? vn(inUse.to) : '…'}`;
    message = {
      vi: `Thẻ BHYT không có giá trị sử dụng hôm nay (${range}): nhân viên kiểm tra.`,
      en: `The health insurance card is not valid today (${range}): staff must check it.`,
    };
  }
  if (mayUseInsurance && inUse.to) {
    const left = daysBetween(ctx.today, inUse.to);
    if (left <= EXPIRY_WARNING_DAYS) {
      notes.push({
        vi: `Thẻ hết hạn ngày ${vn(inUse.to)} (còn ${left} ngày).`,
        en: `The card expires on ${vn(inUse.to)} (${left} days left).`,
      });
    }
  }
  if (registeredHere === false && inUse.facility) {
    notes.push({
      vi: `Đăng ký khám ban đầu tại cơ sở khác (${inUse.facility.code}).`,
      en: `Registered for primary care at another facility (${inUse.facility.code}).`,
    });
  }
  if (decoded && cover && cover.level !== decoded.printedLevel) {
    notes.push({
      vi: `Mức hưởng theo quy định từ ${vn(cover.ruleFrom)}: mức ${cover.level} (thẻ in mức ${decoded.printedLevel}).`,
      en: `Benefit level under the rules from ${vn(cover.ruleFrom)}: ${cover.level} (card printed ${decoded.printedLevel}).`,
    });
  }
  if (card?.areaCode) {
    notes.push({
      vi: `Cư trú vùng ${card.areaCode}.`,
      en: `Resident of area ${card.areaCode}.`,
    });
  }
  if (fiveYearsContinuous) {
    notes.push({
      vi: `Đủ 5 năm liên tục từ ${vn(fiveFrom!)}.`,
      en: `Five continuous years reached on ${vn(fiveFrom!)}.`,
    });
  }

  const assessment: InsuranceAssessment = {
    group: decoded?.group ?? null,
    printedLevel: decoded?.printedLevel ?? null,
    province: decoded?.province ?? null,
    validToday,
    registeredHere,
    fiveYearsContinuous,
    notes,
  };

  return {
    code: a.maKetQua,
    outcome,
    mayUseInsurance,
    message,
    serviceNote: a.ghiChu,
    card,
    replacement,
    cardInUse,
    history: [...(a.dsLichSuKCB2025 ?? []), ...(a.dsLichSuKCB2018 ?? [])].map(historyItem),
    checkedAt: ctx.checkedAt,
    assessment,
  };
}
