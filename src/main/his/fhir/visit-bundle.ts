/**
 * One visit as two FHIR R4 transactions about Patient, Coverage (when a BHYT card is known) and
 * Encounter, each keyed on a stable identifier (CCCD number, card number, visit id):
 *
 * 1. `ensure`: a conditional create (`POST` with `ifNoneExist`) of each, so a resource the HIS
 *    lacks is made whole, and one it has is left alone;
 * 2. `update`: a conditional FHIRPath `PATCH` of each that rewrites only the elements the kiosk
 *    owns (see fhirpath-patch.ts), so what the HIS added itself - its record number, a phone, a
 *    practitioner on the Encounter - survives every resend and later change.
 *
 * Two transactions, not one: R4 (http.html, transaction processing rules) says a transaction
 * SHALL fail when the resource identities its entries resolve to overlap, and a create and a
 * patch of the same Patient do. Both are idempotent, so a failure between them is mended by
 * sending both again (the outbox marks the visit sent only after the second).
 * Sending the same visit twice - after a crash, a timeout whose answer was lost, or a later change
 * such as a cancellation - updates instead of duplicating. Pure: the same visit gives the same
 * bytes.
 */
import { createHash } from 'node:crypto';
import type {
  Department,
  InsuranceResult,
  Lane,
  Visit,
  VisitProgress,
  VisitProgressChange,
} from '../../../shared/domain';
import { cardInUseOf } from '../../../shared/domain';
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coverage,
  Encounter,
  EncounterStatus,
  EncounterStatusHistory,
  Extension,
  Identifier,
  Patient,
} from './fhir-types';
import { fhirPathPatch, literal, own, type PatchOperation } from './fhirpath-patch';
import {
  extensionUrl,
  identifierToken,
  KIOSK_EXTENSIONS,
  type IdentifierSystems,
} from './identifier-systems';

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
  /**
   * The visit's recorded progress changes (calls, room actions, its cancellation), oldest first:
   * the Encounter's status history is built from them, so states that came and went between two
   * sends still reach the HIS.
   */
  progress: readonly VisitProgressChange[];
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
  merit: { code: 'A', display: 'ASAP' },
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
      url: extensionUrl(systems, KIOSK_EXTENSIONS.coveragePercent),
      valueDecimal: card.coveragePercent,
    });
  }
  const facility = inUse.registeredFacility;
  if (facility) {
    extension.push({
      url: extensionUrl(systems, KIOSK_EXTENSIONS.registeredFacility),
      valueIdentifier: { system: systems.facility, value: facility.code },
    });
  }
  const coverage: Coverage = {
    resourceType: 'Coverage',
    identifier: [{ use: 'official', system: systems.insuranceCard, value: number }],
    status: coverageStatus(result),
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

/**
 * What the person showed to check in (chip, cccd-qr, bhyt-qr, typed-cccd, typed-bhyt,
 * typed-social-insurance, vneid-desk, none): only `chip` is a verified identity. FHIR R4 has no
 * element for it, so an extension (docs/fhir/StructureDefinition-presented-document.json) under
 * the same canonical base as the others.
 */

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
  const history = statusHistory(visit, input.progress);
  if (history.length > 0) encounter.statusHistory = history;
  if (input.appointmentId) {
    encounter.appointment = [{ reference: `Appointment/${input.appointmentId}` }];
  }
  if (visit.document) {
    encounter.extension = [
      { url: extensionUrl(systems, KIOSK_EXTENSIONS.presentedDocument), valueCode: visit.document },
    ];
  }
  return encounter;
}

/**
 * Coverage.status is the state of the Coverage record itself (R4 value set
 * fm-status: active | cancelled | draft | entered-in-error), not whether the patient may use the
 * card today:
 * - BHXH withdrew the card (revoked 110, reported reduced 120-124): the policy itself was
 *   rescinded, `cancelled`;
 * - the card answered but is out of date (010, or valid dates that do not cover today): the
 *   policy is what it was, `active`; its past `period` is what says it no longer applies;
 * - the service confirmed the card (000-004): `active`;
 * - anything else (not found, data to re-enter, service errors, unknown codes): BHXH has not
 *   confirmed that this card number is a policy at all, so the record is `draft`, made active
 *   by a later lookup that confirms it.
 */
const WITHDRAWN_CODES = new Set(['110', '120', '121', '122', '123', '124']);
const CONFIRMED_OUTCOMES = new Set<InsuranceResult['outcome']>([
  'insured',
  'insured-with-notes',
  'replaced-card',
]);

export function coverageStatus(result: InsuranceResult): Coverage['status'] {
  if (WITHDRAWN_CODES.has(result.code)) return 'cancelled';
  if (result.code === '010' || CONFIRMED_OUTCOMES.has(result.outcome)) return 'active';
  return 'draft';
}

/** The two transactions the HIS receives for the visit as it is now (see the top of the file). */
export interface VisitTransactions {
  ensure: Bundle;
  update: Bundle;
}

function patientPatch(patient: Patient, systems: IdentifierSystems): PatchOperation[] {
  const oldId = patient.identifier?.find((i) => i.system === systems.oldId);
  const name = patient.name?.[0];
  const address = patient.address?.[0];
  return [
    ...own(
      'Patient',
      'identifier',
      `Patient.identifier.where(system=${literal(systems.oldId)})`,
      oldId ? { valueIdentifier: oldId } : null,
    ),
    ...own(
      'Patient',
      'name',
      "Patient.name.where(use='official')",
      name ? { valueHumanName: name } : null,
    ),
    ...own('Patient', 'gender', 'Patient.gender', { valueCode: patient.gender! }),
    ...own(
      'Patient',
      'birthDate',
      'Patient.birthDate',
      patient.birthDate ? { valueDate: patient.birthDate } : null,
    ),
    ...own(
      'Patient',
      'address',
      "Patient.address.where(use='home')",
      address ? { valueAddress: address } : null,
    ),
  ];
}

function coveragePatch(coverage: Coverage): PatchOperation[] {
  const ops: PatchOperation[] = [
    { type: 'replace', path: 'Coverage.status', value: { valueCode: coverage.status } },
    ...own('Coverage', 'subscriberId', 'Coverage.subscriberId', {
      valueString: coverage.subscriberId!,
    }),
    ...own(
      'Coverage',
      'period',
      'Coverage.period',
      coverage.period ? { valuePeriod: coverage.period } : null,
    ),
  ];
  for (const id of Object.values(KIOSK_EXTENSIONS)) {
    const url = coverage.extension?.find((e) => e.url.endsWith(`/${id}`))?.url;
    const ext = url ? coverage.extension!.find((e) => e.url === url)! : null;
    // Matched by the id at the end, so a change of extensionBase replaces the old extension.
    const select = `Coverage.extension.where(url.endsWith(${literal(`/${id}`)}))`;
    ops.push(
      ...own(
        'Coverage',
        'extension',
        select,
        ext
          ? {
              part: [
                { name: 'url', valueUri: ext.url },
                ext.valueIdentifier
                  ? { name: 'valueIdentifier', valueIdentifier: ext.valueIdentifier }
                  : { name: 'valueDecimal', valueDecimal: ext.valueDecimal! },
              ],
            }
          : null,
      ),
    );
  }
  const plan = coverage.class?.[0];
  ops.push(
    ...own(
      'Coverage',
      'class',
      "Coverage.class.where(type.coding.code='plan')",
      plan
        ? {
            part: [
              { name: 'type', valueCodeableConcept: plan.type },
              { name: 'value', valueString: plan.value },
              ...(plan.name ? [{ name: 'name', valueString: plan.name }] : []),
            ],
          }
        : null,
    ),
  );
  return ops;
}

/**
 * The kiosk's status history entries, each found by its element id among any the HIS added
 * (a delete matches at most one element). A visit's history only grows, so every entry sent
 * before has one of the ids sent now.
 */
function statusHistoryPatch(history: readonly EncounterStatusHistory[]): PatchOperation[] {
  return history.flatMap((entry) =>
    own('Encounter', 'statusHistory', `Encounter.statusHistory.where(id=${literal(entry.id!)})`, {
      part: [
        { name: 'id', valueString: entry.id! },
        { name: 'status', valueCode: entry.status },
        { name: 'period', valuePeriod: entry.period },
      ],
    }),
  );
}

function encounterPatch(encounter: Encounter, systems: IdentifierSystems): PatchOperation[] {
  const queueId = encounter.identifier?.find((i) => i.system === systems.queueNumber);
  return [
    { type: 'replace', path: 'Encounter.status', value: { valueCode: encounter.status } },
    ...statusHistoryPatch(encounter.statusHistory ?? []),
    ...own(
      'Encounter',
      'identifier',
      `Encounter.identifier.where(system=${literal(systems.queueNumber)})`,
      queueId ? { valueIdentifier: queueId } : null,
    ),
    ...own(
      'Encounter',
      'serviceType',
      'Encounter.serviceType',
      encounter.serviceType ? { valueCodeableConcept: encounter.serviceType } : null,
    ),
    ...own(
      'Encounter',
      'priority',
      'Encounter.priority',
      encounter.priority ? { valueCodeableConcept: encounter.priority } : null,
    ),
    ...own(
      'Encounter',
      'period',
      'Encounter.period',
      encounter.period ? { valuePeriod: encounter.period } : null,
    ),
  ];
}

export function buildVisitTransactions(input: VisitHandoffInput): VisitTransactions {
  const { visit, systems } = input;
  const patientUrl = `urn:uuid:${nameBasedUuid(`patient:${visit.patient.idNumber}`)}`;
  const patient = buildPatient(input);
  const patientQuery = `identifier=${identifierToken(systems.cccd, visit.patient.idNumber)}`;
  const ensure: BundleEntry[] = [
    {
      fullUrl: patientUrl,
      resource: patient,
      request: { method: 'POST', url: 'Patient', ifNoneExist: patientQuery },
    },
  ];
  const update: BundleEntry[] = [
    {
      resource: fhirPathPatch(patientPatch(patient, systems)),
      request: { method: 'PATCH', url: `Patient?${patientQuery}` },
    },
  ];
  const coverage = buildCoverage(input, patientUrl);
  if (coverage) {
    const number = coverage.subscriberId!;
    const query = `identifier=${identifierToken(systems.insuranceCard, number)}`;
    ensure.push({
      fullUrl: `urn:uuid:${nameBasedUuid(`coverage:${number}`)}`,
      resource: coverage,
      request: { method: 'POST', url: 'Coverage', ifNoneExist: query },
    });
    update.push({
      resource: fhirPathPatch(coveragePatch(coverage)),
      request: { method: 'PATCH', url: `Coverage?${query}` },
    });
  }
  const encounter = buildEncounter(input, patientUrl);
  const encounterQuery = `identifier=${identifierToken(systems.visit, visit.id)}`;
  ensure.push({
    fullUrl: `urn:uuid:${nameBasedUuid(`encounter:${visit.id}`)}`,
    resource: encounter,
    request: { method: 'POST', url: 'Encounter', ifNoneExist: encounterQuery },
  });
  update.push({
    resource: fhirPathPatch(encounterPatch(encounter, systems)),
    request: { method: 'PATCH', url: `Encounter?${encounterQuery}` },
  });
  return {
    ensure: { resourceType: 'Bundle', type: 'transaction', entry: ensure },
    update: { resourceType: 'Bundle', type: 'transaction', entry: update },
  };
}

/**
 * The room's progress as R4 Encounter states: waiting, called and skipped (a no-show may be
 * recalled) are still `arrived`; the patient in the room is `in-progress`; done is `finished`.
 */
export function encounterStatus(visit: Visit): EncounterStatus {
  if (visit.status === 'cancelled') return 'cancelled';
  return statusOfProgress(visit.progress?.state);
}

function statusOfProgress(state: VisitProgress | undefined): EncounterStatus {
  switch (state) {
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

/** Where the kiosk's status history entries are numbered (their element ids). */
const HISTORY_ID_PREFIX = 'kiosk-status-';

/**
 * Encounter.statusHistory: the statuses the visit held before the one it has now, each with the
 * period it held them. R4 (encounter-definitions.html, Encounter.statusHistory, 0..*): "List of
 * past encounter statuses"; its comment: "The current status is always found in the current
 * version of the resource, not the status history". So the current status is Encounter.status
 * alone and never repeated here. Each entry's status and period are required (1..1).
 *
 * The visit arrived at check-in (createdAt); each recorded progress change maps as
 * encounterStatus does, and a change that keeps the status (called, skipped, called again: all
 * `arrived`) continues the entry. An entry ends when the next begins. When the recorded changes
 * do not reach the current status, the change to it is timed by the visit's own progress time,
 * or, for a visit cancelled before cancellations were recorded, not at all: the last past entry
 * then has no end.
 */
export function statusHistory(
  visit: Visit,
  progress: readonly VisitProgressChange[],
): EncounterStatusHistory[] {
  const steps: { status: EncounterStatus; at: string | null }[] = [
    { status: 'arrived', at: visit.createdAt },
  ];
  for (const change of progress) {
    const status = statusOfProgress(change.state);
    const last = steps[steps.length - 1]!;
    if (status === last.status) continue;
    // Check-in and the rooms' changes are timed by different clocks: a change never starts before
    // the entry it ends (R4 per-1: a period's start is not after its end).
    steps.push({ status, at: later(last.at!, change.at) });
  }
  const current = encounterStatus(visit);
  if (steps[steps.length - 1]!.status !== current) {
    const at = visit.status === 'cancelled' ? null : (visit.progress?.at ?? null);
    steps.push({ status: current, at });
  }
  return steps.slice(0, -1).map((step, i) => {
    const end = steps[i + 1]!.at;
    const start = step.at!;
    return {
      id: `${HISTORY_ID_PREFIX}${i + 1}`,
      status: step.status,
      period: end ? { start, end: later(start, end) } : { start },
    };
  });
}

function later(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? a : b;
}

function encounterPeriod(visit: Visit): NonNullable<Encounter['period']> {
  const end = visit.progress?.state === 'done' ? visit.progress.at : null;
  return end ? { start: visit.createdAt, end } : { start: visit.createdAt };
}
