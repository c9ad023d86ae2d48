/**
 * The identifier and code system URIs. Their defaults are configuration
 * (src/main/config/sections/identifier-systems.ts, overridden by `his.systems`), re-exported
 * here for the FHIR writers; configuration never reaches into the HIS code.
 */
export {
  DEFAULT_IDENTIFIER_SYSTEMS,
  isAbsoluteExtensionUrl,
  type IdentifierSystems,
} from '../../config/sections/identifier-systems';
import type { IdentifierSystems } from '../../config/sections/identifier-systems';

/** The ids of the kiosk's extensions (docs/fhir/StructureDefinition-<id>.json). */
export const KIOSK_EXTENSIONS = {
  coveragePercent: 'bhyt-coverage-percent',
  registeredFacility: 'bhyt-registered-facility',
  presentedDocument: 'presented-document',
} as const;

/** An extension's canonical URL: `<extensionBase>/<id>`. */
export function extensionUrl(
  systems: Pick<IdentifierSystems, 'extensionBase'>,
  id: string,
): string {
  return `${systems.extensionBase.replace(/\/+$/, '')}/${id}`;
}

/** `system|value` as FHIR search and conditional URLs want it, escaped for a query string. */
export function identifierToken(system: string, value: string): string {
  return encodeURIComponent(`${system}|${value}`);
}
