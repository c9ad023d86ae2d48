/**
 * Failed-lookup evidence (Quyết định 2555/QĐ-BYT): the record itself is a pure decision in
 * ../domain/failed-lookup (the store keeps it without reaching into this folder); here, what
 * needs the configuration: which endpoint was asked, without credentials.
 */
import type { KioskConfig } from '../config/schema';

export {
  failedLookupEvidence,
  type EvidenceRecord,
  type FailedLookupEvidence,
  type LookupFailure,
} from '../domain/failed-lookup';

const CARD_CHECK_PATH = {
  '2018': '/api/egw/NhanLichSuKCB2018',
  '2024': '/api/egw/KQNhanLichSuKCB2024',
};

export function lookupEndpoint(insurance: KioskConfig['insurance']): string {
  const base = insurance.service === 'bhxh' ? (insurance.baseUrl ?? '') : 'simulated';
  // Only origin and path: the real request carries the token in its query string.
  return `${base.replace(/\/+$/, '')}${CARD_CHECK_PATH[insurance.apiVersion]}`;
}
