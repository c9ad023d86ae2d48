/**
 * The identifier and code system URIs. Their defaults are configuration
 * (src/main/config/sections/identifier-systems.ts, overridden by `his.systems`), re-exported
 * here for the FHIR writers; configuration never reaches into the HIS code.
 */
export {
  DEFAULT_IDENTIFIER_SYSTEMS,
  type IdentifierSystems,
} from '../../config/sections/identifier-systems';

/** `system|value` as FHIR search and conditional URLs want it, escaped for a query string. */
export function identifierToken(system: string, value: string): string {
  return encodeURIComponent(`${system}|${value}`);
}
