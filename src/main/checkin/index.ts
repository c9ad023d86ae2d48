/** The check-in orchestrator (issue: store and check-in). */
export {
  createCheckinServices,
  openCheckinServices,
  type CheckinServices,
  type CheckinServicesOptions,
  type OpenCheckinOptions,
} from './create-checkin-services';
export { checkinErrors } from './checkin-errors';
export {
  createOutboxWorker,
  retryDelayMs,
  type OutboxWorker,
  type OutboxPass,
} from './outbox-worker';
export {
  decideInsurance,
  applyOverride,
  type InsuranceDecision,
  type LookupAttempt,
} from './insurance-decision';
export { assessRecheck } from './recheck';
export { runPurge, purgeRequestFor } from './purge-job';
export { foldForSearch, matchesQuery } from './visits-service';
