/** Health insurance (BHYT) as the BHXH lookup service answers it. Pure types: importable from browser, Node and Electron alike. */
import type { KioskErrorShape, LocalizedText } from '../errors';
import type { IsoDate, IsoDateTime, Sex } from './common';

export type InsuranceOutcome =
  | 'insured'
  | 'insured-with-notes'
  | 'replaced-card'
  | 'not-insured'
  | 're-enter'
  | 'retry-later'
  | 'configuration-error'
  | 'unknown-code';

/**
 * One lookup. Exactly one number names the person; the gateway takes each of them as `maThe`
 * (reference §2, letter 2746/BHXH-CNTT) and answers with the current 15-character card code.
 */
export interface InsuranceQuery {
  /** 12-digit CCCD number, or */
  idNumber?: string;
  /** 15-character BHYT card number, or */
  cardNumber?: string;
  /** 10-digit social-insurance number (mã số BHXH: the card code's last ten digits) */
  socialInsuranceNumber?: string;
  fullName: string;
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known */
  dateOfBirth: string;
}

export interface InsuranceCard {
  number: string;
  holderName: string | null;
  dateOfBirth: string | null;
  sex: Sex | null;
  address: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  registeredFacility: { code: string; name: string | null } | null;
  benefitLevel: number | null;
  coveragePercent: number | null;
  fiveYearsContinuousFrom: IsoDate | null;
  areaCode: string | null;
  socialInsuranceNumber: string | null;
}

export interface InsuranceReplacement {
  number: string | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  registeredFacility: { code: string; name: string | null } | null;
}

export interface TreatmentHistoryItem {
  recordId: string | null;
  facilityCode: string | null;
  admittedAt: IsoDateTime | null;
  dischargedAt: IsoDateTime | null;
  diagnosis: string | null;
  status: string | null;
  result: string | null;
  reason: string | null;
}

/** The checking officer a lookup carries (hoTenCb / cccdCb, letter 1923/BHXH-CNTT). */
export interface CheckingOfficer {
  name: string;
  /** 12-digit CCCD number */
  idNumber: string;
}

/** The card the patient uses on the hospital's day: for 003/004 the new one once it has started. */
export interface CardInUse {
  number: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  registeredFacility: { code: string; name: string | null } | null;
  /** The replacement card of a 003/004 answer (false: the card the answer's maThe names). */
  isReplacement: boolean;
}

/** The treatment history (Lskcb2025), asked apart from the card check within its own budget. */
export interface TreatmentHistory {
  /** answered: the service gave the list; unavailable: no answer in time or an error code. */
  status: 'answered' | 'unavailable' | 'off';
  /** maKetQua when the service answered. */
  code: string | null;
  items: TreatmentHistoryItem[];
  checkedAt: IsoDateTime;
}

export interface InsuranceResult {
  /** maKetQua as sent by the service, e.g. "000" */
  code: string;
  outcome: InsuranceOutcome;
  mayUseInsurance: boolean;
  message: LocalizedText;
  /** ghiChu: the service's own note, verbatim */
  serviceNote: string | null;
  card: InsuranceCard | null;
  replacement: InsuranceReplacement | null;
  /** What goes on the visit (absent in older cached results: see cardInUseOf). */
  cardInUse?: CardInUse | null;
  history: TreatmentHistoryItem[];
  /** When the service gave this answer. */
  checkedAt: IsoDateTime;
  /** What the kiosk worked out from the card and today's date (absent in older cached results). */
  assessment?: InsuranceAssessment;
}

/** Derived by the kiosk, not said by the service. */
export interface InsuranceAssessment {
  /** Beneficiary group (card characters 1-2), e.g. "DN"; null when not decodable. */
  group: string | null;
  /** The level digit printed on the card; the one in force is `card.benefitLevel`. */
  printedLevel: number | null;
  /** 2-digit province code from the card (characters 4-5). */
  province: string | null;
  /** The validity dates cover today; null when the service gave no dates. */
  validToday: boolean | null;
  /** Registered for primary care at this facility (configuration hospital.facilityCode). */
  registeredHere: boolean | null;
  /** Five continuous years of cover reached by today. */
  fiveYearsContinuous: boolean | null;
  /** Remarks for staff and the screen, e.g. registered elsewhere, expires soon. */
  notes: LocalizedText[];
}

export type GatewayConnectivity = 'online' | 'degraded' | 'offline' | 'disabled';

export interface GatewayStatus {
  state: GatewayConnectivity;
  circuit: 'closed' | 'open' | 'half-open';
  lastSuccessAt: IsoDateTime | null;
  lastFailure: KioskErrorShape | null;
  simulated: boolean;
}

export const SIM_GATEWAY_UI_MODES = [
  'normal',
  'slow',
  'down',
  'error-5xx',
  'unauthorized',
  'malformed',
] as const;

/** What the developer panel can switch the simulated lookup service to. */
export type SimGatewayMode = (typeof SIM_GATEWAY_UI_MODES)[number];

/**
 * The card a result lets the patient use. Results mapped since the 2025 gateway work carry it
 * (decided on the hospital's day); older cached ones fall back to the rule they were made with:
 * the new card of a 003/004, once it has started on `today` when the day is known.
 */
export function cardInUseOf(result: InsuranceResult | null, today?: IsoDate): CardInUse | null {
  if (!result) return null;
  if (result.cardInUse !== undefined) return result.cardInUse;
  const card = result.card;
  const renewed = result.outcome === 'replaced-card' ? result.replacement : null;
  const started = !today || !renewed?.validFrom || renewed.validFrom <= today;
  if (renewed?.number && started) {
    return {
      number: renewed.number,
      validFrom: renewed.validFrom,
      validTo: renewed.validTo,
      registeredFacility: renewed.registeredFacility ?? card?.registeredFacility ?? null,
      isReplacement: true,
    };
  }
  return card
    ? {
        number: card.number,
        validFrom: card.validFrom,
        validTo: card.validTo,
        registeredFacility: card.registeredFacility,
        isReplacement: false,
      }
    : null;
}
