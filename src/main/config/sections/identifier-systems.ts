/**
 * The URIs that say what each identifier we send is. The BHYT card number and the facility code
 * use the naming systems of the Ministry of Health's draft VN Core IG
 * (http://fhir.ehealth.gov.vn/core, NamingSystem insurance_number and provider-code). That IG
 * names no system for the CCCD number, the old 9-digit ID, our visits or queue numbers, so those
 * live in the kiosk's own `urn:cccd-kiosk:` namespace. A hospital whose HIS expects other URIs
 * sets them in `his.systems` (configuration); these are only the defaults.
 *
 * Extensions are different: R4 (extensibility.html, "url ... SHALL be a URL") wants an
 * extension's `url` to be the canonical URL of the StructureDefinition that defines it, so it
 * is an absolute http(s) address, never a URN. `extensionBase` is that canonical base: the
 * default names a host under the reserved `.example` domain (RFC 2606), which says "ours, not
 * resolvable"; a hospital that publishes the two definitions of docs/fhir/ on its own server
 * sets `his.systems.extensionBase` to where they live (the `url` inside each file changes with it).
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
  /**
   * Canonical base of the kiosk's StructureDefinitions (coverage percentage, registered
   * facility): an absolute http(s) URL without a trailing slash; `<base>/<extension id>`.
   */
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
  extensionBase: 'https://fhir.cccd-kiosk.example/StructureDefinition',
};

/**
 * R4's rule for `Extension.url` as a check: an absolute URL with a scheme and an authority
 * (`https://…`), so not a URN nor a relative reference. One place: the configuration refuses
 * an `extensionBase` that breaks it and the tests hold every emitted extension to it.
 */
export function isAbsoluteExtensionUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+/i.test(url) && !/^urn:/i.test(url);
}
