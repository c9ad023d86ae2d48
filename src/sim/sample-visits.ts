/**
 * Visits made from the simulator's made-up identity catalog, for tests, benchmarks, the docs'
 * screenshots and `slip --sample`: a slip can be produced without a database. Never real people.
 */
import type {
  InsuranceResult,
  InsuranceSource,
  Lane,
  Visit,
  VisitInsurance,
} from '../shared/domain';
import { simIdentity, type SimIdentity } from './data/identities';

export interface SampleVisitOptions {
  lane?: Lane;
  department?: string;
  /** How the insurance decision was reached; default from the identity's scenario. */
  insuranceSource?: InsuranceSource;
  createdAt?: string;
  stationId?: string;
  queueSeq?: number;
  stale?: boolean;
}

const COVERED = new Set(['valid', 'defence', 'police', 'child-under-6', 'replaced-old-valid']);
const STAFF = new Set(['wrong-name', 'wrong-dob', 'child-no-card', 'wrong-facility']);

/** Benefit level (3rd character of the card number) → share paid by insurance, in percent. */
const COVERAGE_BY_LEVEL: Record<string, number> = {
  '1': 100,
  '2': 100,
  '3': 95,
  '4': 80,
  '5': 100,
};

function defaultLane(id: SimIdentity, on: string): Lane {
  const born = id.card.dateOfBirth ?? on;
  const age = Number(on.slice(0, 4)) - Number(born.slice(0, 4));
  if (age >= 60) return 'elderly';
  if (age < 6) return 'child';
  if (id.notes.includes('Pregnant lane')) return 'pregnant';
  return 'normal';
}

function sampleResult(id: SimIdentity, checkedAt: string): InsuranceResult {
  const rec = id.insurance;
  const covered = COVERED.has(rec.scenario);
  const number = rec.cardNumber;
  return {
    code: covered ? '000' : '010',
    outcome: covered ? 'insured' : 'not-insured',
    mayUseInsurance: covered,
    message: covered
      ? { vi: 'Thẻ BHYT hợp lệ', en: 'Valid insurance card' }
      : { vi: 'Thẻ BHYT không còn giá trị sử dụng', en: 'The insurance card is not valid' },
    serviceNote: null,
    card: number
      ? {
          number,
          holderName: null,
          dateOfBirth: null,
          sex: null,
          address: null,
          validFrom: rec.validFrom,
          validTo: rec.validTo,
          registeredFacility: { code: rec.facilityCode, name: rec.facilityName },
          benefitLevel: Number(number[2]),
          coveragePercent: COVERAGE_BY_LEVEL[number[2] ?? ''] ?? null,
          fiveYearsContinuousFrom: rec.fiveYearsFrom,
          areaCode: rec.areaCode,
          socialInsuranceNumber: number.slice(5),
        }
      : null,
    replacement: null,
    history: [],
    checkedAt,
  };
}

export function sampleVisit(index: number, options: SampleVisitOptions = {}): Visit {
  const id = simIdentity(index);
  const createdAt = options.createdAt ?? '2026-11-23T08:15:00.000+07:00';
  const date = createdAt.slice(0, 10);
  const lane = options.lane ?? defaultLane(id, date);
  const department =
    options.department ?? (lane === 'child' ? 'NHI' : lane === 'pregnant' ? 'SAN' : 'KHAM');
  const stationId = options.stationId ?? 'K01';
  const seq = options.queueSeq ?? index;
  const source: InsuranceSource =
    options.insuranceSource ??
    (id.insurance.cardNumber === null || !COVERED.has(id.insurance.scenario)
      ? STAFF.has(id.insurance.scenario)
        ? 'pending'
        : 'self-pay'
      : 'online');
  const cachedAt = source === 'cache' ? '2026-11-22T16:40:00.000+07:00' : null;
  const insurance: VisitInsurance = {
    source,
    result:
      source === 'self-pay' && !id.insurance.cardNumber
        ? null
        : sampleResult(id, cachedAt ?? createdAt),
    cachedAt,
    stale: options.stale ?? false,
    note: null,
  };
  return {
    id: `sim-visit-${String(index).padStart(2, '0')}`,
    date,
    stationId,
    department,
    lane,
    queueNumber: `${stationId}-${department}-${lane === 'normal' ? '' : 'U-'}${String(seq).padStart(3, '0')}`,
    queueSeq: seq,
    patient: {
      idNumber: id.card.idNumber,
      fullName: id.card.fullName,
      dateOfBirth: id.card.dateOfBirth,
      sex: id.card.sex,
    },
    identitySource: 'chip',
    chipVerification: null,
    insurance,
    createdAt,
    status: 'active',
    cancelledReason: null,
    printStatus: 'not-printed',
    printError: null,
    flagged: false,
  };
}
