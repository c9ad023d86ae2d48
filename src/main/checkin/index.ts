/** The check-in orchestrator (issue: store and check-in). */
export {
  createCheckinServices,
  type CheckinServices,
  type CheckinServicesOptions,
} from './create-checkin-services';
export { checkinErrors } from '../domain/checkin-errors';
export {
  createRecheckWorker,
  retryDelayMs,
  type RecheckWorker,
  type RecheckPass,
} from './recheck-worker';
export {
  decideInsurance,
  applyOverride,
  type InsuranceDecision,
  type LookupAttempt,
} from '../domain/insurance-decision';
export { assessRecheck } from '../domain/recheck';
export { runPurge, purgeRequestFor } from './purge-job';
export { foldForSearch, matchesQuery } from './visits-service';
