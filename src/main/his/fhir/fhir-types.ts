/**
 * The slice of FHIR R4 the hand-off writes and reads. Hand-written (no @medplum/fhirtypes here):
 * only the elements we fill, named and typed as in the R4 specification, so that a resource
 * built from these types is checked against the real definitions by the tests.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Reference {
  reference?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Extension {
  url: string;
  valueDecimal?: number;
  valueString?: string;
  valueIdentifier?: Identifier;
  valueCode?: string;
}

export interface HumanName {
  use?: 'official' | 'usual';
  text?: string;
  family?: string;
  given?: string[];
}

export interface Address {
  use?: 'home';
  type?: 'physical';
  text?: string;
  country?: string;
}

export interface Patient {
  resourceType: 'Patient';
  id?: string;
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  address?: Address[];
}

export interface CoverageClass {
  type: CodeableConcept;
  value: string;
  name?: string;
}

export interface Coverage {
  resourceType: 'Coverage';
  id?: string;
  extension?: Extension[];
  identifier?: Identifier[];
  status: 'active' | 'cancelled' | 'draft' | 'entered-in-error';
  type?: CodeableConcept;
  subscriberId?: string;
  beneficiary: Reference;
  relationship?: CodeableConcept;
  period?: Period;
  payor: Reference[];
  class?: CoverageClass[];
}

export type EncounterStatus =
  | 'planned'
  | 'arrived'
  | 'triaged'
  | 'in-progress'
  | 'onleave'
  | 'finished'
  | 'cancelled'
  | 'entered-in-error'
  | 'unknown';

/** One past status of an Encounter and when it held (both required in R4). */
export interface EncounterStatusHistory {
  /** Element id: marks the entries the kiosk wrote, so a patch finds them among the HIS's. */
  id?: string;
  status: EncounterStatus;
  period: Period;
}

export interface Encounter {
  resourceType: 'Encounter';
  id?: string;
  extension?: Extension[];
  identifier?: Identifier[];
  status: EncounterStatus;
  statusHistory?: EncounterStatusHistory[];
  class: Coding;
  serviceType?: CodeableConcept;
  priority?: CodeableConcept;
  subject?: Reference;
  appointment?: Reference[];
  period?: Period;
  serviceProvider?: Reference;
}

export interface Appointment {
  resourceType: 'Appointment';
  id?: string;
  identifier?: Identifier[];
  status: string;
  serviceType?: CodeableConcept[];
  specialty?: CodeableConcept[];
  start?: string;
  end?: string;
  participant: { actor?: Reference; status: string }[];
}

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics?: string;
  details?: { text?: string };
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/** One parameter of a Parameters resource (here: the parts of a FHIRPath Patch operation). */
export interface ParametersParameter {
  name: string;
  valueCode?: string;
  valueString?: string;
  valueUri?: string;
  valueDate?: string;
  valueDateTime?: string;
  valueDecimal?: number;
  valueBoolean?: boolean;
  valueCodeableConcept?: CodeableConcept;
  valueHumanName?: HumanName;
  valueIdentifier?: Identifier;
  valueAddress?: Address;
  valuePeriod?: Period;
  part?: ParametersParameter[];
}

export interface Parameters {
  resourceType: 'Parameters';
  parameter?: ParametersParameter[];
}

export type HandoffResource = Patient | Coverage | Encounter | Parameters;

export interface BundleEntry<R = HandoffResource> {
  fullUrl?: string;
  resource?: R;
  request?: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    ifNoneExist?: string;
  };
  response?: { status: string; location?: string; outcome?: OperationOutcome };
}

export interface Bundle<R = HandoffResource> {
  resourceType: 'Bundle';
  id?: string;
  type: 'transaction' | 'transaction-response' | 'searchset' | 'batch' | 'batch-response';
  total?: number;
  entry?: BundleEntry<R>[];
}
