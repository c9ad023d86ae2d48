/**
 * The URIs that say what each identifier we send is. The BHYT card number and the facility code
 * use the naming systems of the Ministry of Health's draft VN Core IG
 * (http://fhir.ehealth.gov.vn/core, NamingSystem insurance_number and provider-code). That IG
 * names no system for the CCCD number, the old 9-digit ID, our visits or queue numbers, so those
 * live in the kiosk's own `urn:cccd-kiosk:` namespace. A hospital whose HIS expects other URIs
 * sets them in `his.systems` (configuration); these are only the defaults.
 */
export interface IdentifierSystems {
  /** 12-digit CCCD number (số định danh cá nhân) */
  cccd: string;
  /** Old 9-digit CMND number, when the chip carries one */
  oldId: string;
  /** 15-character BHYT card number */
  insuranceCard: string;
  /** 5-digit facility code registered with BHXH */
  facility: string;
  /** The kiosk's visit id: stable across resends, the key of the conditional update */
  visit: string;
  /** The queue number printed on the slip */
  queueNumber: string;
  /** Department codes from configuration (Encounter.serviceType) */
  department: string;
  /** Lanes (normal, elderly, ...) as a second coding of Encounter.priority */
  lane: string;
  /** Prefix of the kiosk's extension URLs (coverage percentage, registered facility) */
  extensionBase: string;
}

export const DEFAULT_IDENTIFIER_SYSTEMS: IdentifierSystems = {
  cccd: 'urn:cccd-kiosk:sid:cccd',
  oldId: 'urn:cccd-kiosk:sid:cmnd',
  insuranceCard: 'http://fhir.ehealth.gov.vn/core/sid/insurance_number',
  facility: 'http://fhir.ehealth.gov.vn/core/sid/provider-medical-license-number',
  visit: 'urn:cccd-kiosk:sid:visit',
  queueNumber: 'urn:cccd-kiosk:sid:queue-number',
  department: 'urn:cccd-kiosk:cs:department',
  lane: 'urn:cccd-kiosk:cs:lane',
  extensionBase: 'urn:cccd-kiosk:extension',
};
