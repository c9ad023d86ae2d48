/**
 * One visit as a FHIR R4 transaction: Patient, Coverage (when a BHYT card is known) and
 * Encounter. Every entry is a conditional update keyed on a stable identifier (CCCD number,
 * card number, visit id), so sending the same visit twice - after a crash, a timeout whose
 * answer was lost, or a later change such as a cancellation - updates instead of duplicating.
 * Pure: the same visit gives the same bytes.
 */
import { createHash } from 'node:crypto';
import type { Department, Lane, Visit } from '../../../shared/domain';
import { cardInUseOf } from '../../../shared/domain';
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coverage,
  Encounter,
  Extension,
  Identifier,
  Patient,
} from './fhir-types';
import { identifierToken, type IdentifierSystems } from './identifier-systems';

export interface VisitHandoffInput {
  visit: Visit;
  /** What the chip (or cache) adds beyond the visit: residence and the old ID number. */
  identity: { placeOfResidence: string; oldIdNumber: string } | null;
  department: Department;
  /** hospital.facilityCode */
  facilityCode: string;
  /** Logical id of the HIS Appointment the patient checked in for, when any. */
  appointmentId: string | null;
  systems: IdentifierSystems;
}

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const ACT_PRIORITY = 'http://terminology.hl7.org/CodeSystem/v3-ActPriority';
const COVERAGE_CLASS = 'http://terminology.hl7.org/CodeSystem/coverage-class';
const SUBSCRIBER_RELATIONSHIP = 'http://terminology.hl7.org/CodeSystem/subscriber-relationship';

/**
 * Lanes as HL7 priorities: the emergency lane is EM; the priority lanes (elderly, children,
 * disability, pregnancy) are served before the normal queue, which HL7 calls ASAP (A); the
 * normal lane is routine (R). The lane itself rides along as a second coding.
 */
const LANE_PRIORITY: Record<Lane, { code: string; display: string }> = {
  normal: { code: 'R', display: 'routine' },
  elderly: { code: 'A', display: 'ASAP' },
  child: { code: 'A', display: 'ASAP' },
  disability: { code: 'A', display: 'ASAP' },
  pregnant: { code: 'A', display: 'ASAP' },
  emergency: { code: 'EM', display: 'emergency' },
};

/** A UUID (RFC 4122 layout, version 5 bits) derived from a name, so bundles are reproducible. */
export function nameBasedUuid(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Vietnamese names are written family name first: "Nguyễn Văn An" -> family Nguyễn. */
function splitName(fullName: string): { family?: string; given?: string[] } {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts.length === 1 ? { given: parts } : {};
  return { family: parts[0], given: parts.slice(1) };
}

export function buildPatient(input: VisitHandoffInput): Patient {
  const { visit, identity, systems } = input;
  const p = visit.patient;
  const identifier: Identifier[] = [
    {
      use: 'official',
      type: { text: 'CCCD' },
      system: systems.cccd,
      value: p.idNumber,
    },
  ];
  if (identity?.oldIdNumber) {
    identifier.push({
      use: 'old',
      type: { text: 'CMND' },
      system: systems.oldId,
      value: identity.oldIdNumber,
    });
  }
  const patient: Patient = {
    resourceType: 'Patient',
    identifier,
    active: true,
    name: [{ use: 'official', text: p.fullName, ...splitName(p.fullName) }],
    gender: p.sex === 'M' ? 'male' : p.sex === 'F' ? 'female' : 'unknown',
  };
  if (p.dateOfBirth) patient.birthDate = p.dateOfBirth;
  if (identity?.placeOfResidence) {
    patient.address = [
      { use: 'home', type: 'physical', text: identity.placeOfResidence, country: 'VN' },
    ];
  }
  return patient;
}

/** null when the visit has no BHYT card (self-pay, pending lookup without a typed card). */
export function buildCoverage(input: VisitHandoffInput, patientRef: string): Coverage | null {
  const result = input.visit.insurance.result;
  const card = result?.card;
  const inUse = cardInUseOf(result ?? null);
  if (!result || !card?.number || !inUse) return null;
  const { systems } = input;
  // A replaced card (codes 003/004) is used with its new number once it has started, like on
  // the slip.
  const number = inUse.number;
  const extension: Extension[] = [];
  if (card.coveragePercent !== null) {
    extension.push({
      url: `${systems.extensionBase}/bhyt-coverage-percent`,
      valueDecimal: card.coveragePercent,
    });
  }
  const facility = inUse.registeredFacility;
  if (facility) {
    extension.push({
      url: `${systems.extensionBase}/bhyt-registered-facility`,
      valueIdentifier: { system: systems.facility, value: facility.code },
    });
  }
  const coverage: Coverage = {
    resourceType: 'Coverage',
    identifier: [{ use: 'official', system: systems.insuranceCard, value: number }],
    status: result.mayUseInsurance ? 'active' : 'cancelled',
    type: { coding: [{ system: ACT_CODE, code: 'PUBLICPOL', display: 'public healthcare' }] },
    subscriberId: number,
    beneficiary: { reference: patientRef },
    relationship: { coding: [{ system: SUBSCRIBER_RELATIONSHIP, code: 'self' }] },
    payor: [{ display: 'Bảo hiểm xã hội Việt Nam (BHXH)' }],
  };
  if (extension.length > 0) coverage.extension = extension;
  const validFrom = result.replacement?.validFrom ?? card.validFrom;
  const validTo = result.replacement?.validTo ?? card.validTo;
  if (validFrom || validTo) {
    coverage.period = {
      ...(validFrom ? { start: validFrom } : {}),
      ...(validTo ? { end: validTo } : {}),
    };
  }
  if (card.benefitLevel !== null) {
    coverage.class = [
      {
        type: { coding: [{ system: COVERAGE_CLASS, code: 'plan' }] },
        value: String(card.benefitLevel),
        name: `Mức hưởng ${card.benefitLevel} / Benefit level ${card.benefitLevel}`,
      },
    ];
  }
  return coverage;
}

function priorityOf(lane: Lane, systems: IdentifierSystems): CodeableConcept {
  const p = LANE_PRIORITY[lane];
  return {
    coding: [
      { system: ACT_PRIORITY, code: p.code, display: p.display },
      { system: systems.lane, code: lane },
    ],
    text: lane,
  };
}

export function buildEncounter(input: VisitHandoffInput, patientRef: string): Encounter {
  const { visit, department, systems } = input;
  const encounter: Encounter = {
    resourceType: 'Encounter',
    identifier: [
      { use: 'official', system: systems.visit, value: visit.id },
      {
        use: 'usual',
        type: { text: 'Số thứ tự / Queue number' },
        system: systems.queueNumber,
        value: visit.queueNumber,
      },
    ],
    status: encounterStatus(visit),
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    serviceType: {
      coding: [{ system: systems.department, code: department.code, display: department.name.vi }],
      text: department.name.vi,
    },
    priority: priorityOf(visit.lane, systems),
    subject: { reference: patientRef },
    period: encounterPeriod(visit),
    serviceProvider: { identifier: { system: systems.facility, value: input.facilityCode } },
  };
  if (input.appointmentId) {
    encounter.appointment = [{ reference: `Appointment/${input.appointmentId}` }];
  }
  return encounter;
}

/** The transaction the HIS receives for the visit as it is now. */
export function buildVisitBundle(input: VisitHandoffInput): Bundle {
  const { visit, systems } = input;
  const patientUrl = `urn:uuid:${nameBasedUuid(`patient:${visit.patient.idNumber}`)}`;
  const entries: BundleEntry[] = [
    {
      fullUrl: patientUrl,
      resource: buildPatient(input),
      request: {
        method: 'PUT',
        url: `Patient?identifier=${identifierToken(systems.cccd, visit.patient.idNumber)}`,
      },
    },
  ];
  const coverage = buildCoverage(input, patientUrl);
  if (coverage) {
    const number = coverage.subscriberId!;
    entries.push({
      fullUrl: `urn:uuid:${nameBasedUuid(`coverage:${number}`)}`,
      resource: coverage,
      request: {
        method: 'PUT',
        url: `Coverage?identifier=${identifierToken(systems.insuranceCard, number)}`,
      },
    });
  }
  entries.push({
    fullUrl: `urn:uuid:${nameBasedUuid(`encounter:${visit.id}`)}`,
    resource: buildEncounter(input, patientUrl),
    request: {
      method: 'PUT',
      url: `Encounter?identifier=${identifierToken(systems.visit, visit.id)}`,
    },
  });
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

/**
 * The room's progress as R4 Encounter states: waiting, called and skipped (a no-show may be
 * recalled) are still `arrived`; the patient in the room is `in-progress`; done is `finished`.
 */
export function encounterStatus(visit: Visit): Encounter['status'] {
  if (visit.status === 'cancelled') return 'cancelled';
  switch (visit.progress?.state) {
    case 'in-room':
      return 'in-progress';
    case 'done':
      return 'finished';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'arrived';
  }
}

function encounterPeriod(visit: Visit): NonNullable<Encounter['period']> {
  const end = visit.progress?.state === 'done' ? visit.progress.at : null;
  return end ? { start: visit.createdAt, end } : { start: visit.createdAt };
}
