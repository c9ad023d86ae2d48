/**
 * The store seen by one use. KioskStore (./store-contract.ts) is what an engine implements, whole;
 * a service takes only the ports it uses, so what it can do to the data is visible in its options
 * and a test double implements that part alone. The composition roots open the store and hand
 * the same object to each service, seen through its ports.
 *
 * Every member of KioskStore belongs to exactly one port below (checked at the end of this file),
 * except `getVisit`, which calling repeats for its own callers:
 * - VisitStore: check-in, the list, cancel, print marks (checkin, visits, print, CLI).
 * - LookupCacheStore: the identity and lookup caches and the returning-patient keys (checkin).
 * - RecheckQueueStore: insurance lookups to repeat (the re-check worker; the desk's count).
 * - DiscrepancyStore: re-checks that disagreed with check-in, for the desk.
 * - CallingStore: calling patients in (rooms, board).
 * - PurgeStore: the privacy purge.
 * - HisHandOffStore, EvidenceStore, AuditTrailStore: the HIS outbox, failed-lookup evidence and the
 *   audit trail, each its own contract (./his-outbox-contract.ts, ./evidence-contract.ts,
 *   ./audit-contract.ts) reached through the store; the HIS hand-off also reads each visit's
 *   progress changes, which it sends as the Encounter's status history.
 * - StoreLifecycle: what the store is, its schema version, closing it: no service's; only the
 *   composition roots use these, and they hold the whole store.
 */
import type { KioskStore } from './store-contract';

/** Visits: check-in with its queue number, reading and listing, cancel, print marks. */
export type VisitStore = Pick<
  KioskStore,
  | 'checkIn'
  | 'completeTicket'
  | 'sendTicketOn'
  | 'getVisit'
  | 'listVisits'
  | 'visitsOfPerson'
  | 'cancelVisit'
  | 'recordPrint'
  | 'failInterruptedPrints'
>;

/** The offline caches: identities by CCCD, lookup results, returning patients' keys. */
export type LookupCacheStore = Pick<
  KioskStore,
  'saveIdentity' | 'getIdentity' | 'saveLookup' | 'getLookup' | 'rememberPatient' | 'findPatient'
>;

/** The insurance re-check queue: lookups to repeat once the service answers. */
export type RecheckQueueStore = Pick<
  KioskStore,
  'claimRechecks' | 'deferRecheck' | 'dropRecheck' | 'applyRecheck' | 'pendingRechecks'
>;

/** Discrepancies between a late re-check and what check-in used, and their resolution. */
export type DiscrepancyStore = Pick<KioskStore, 'discrepancies' | 'resolveDiscrepancy'>;

/** Calling patients in: the next call, a room's actions, the board's calls and counts. */
export type CallingStore = Pick<
  KioskStore,
  'callNext' | 'roomAction' | 'recentCalls' | 'waitingCounts' | 'getVisit'
>;

/** The privacy purge. */
export type PurgeStore = Pick<KioskStore, 'purge'>;

/** The hand-off of visits to the hospital's HIS: its outbox and each visit's status history. */
export type HisHandOffStore = Pick<KioskStore, 'hisOutbox' | 'progressChanges'>;

/** Evidence of insurance lookups that failed at check-in. */
export type EvidenceStore = Pick<KioskStore, 'lookupEvidence'>;

/** The append-only audit trail of staff actions. */
export type AuditTrailStore = Pick<KioskStore, 'audit'>;

/** What the store is and where, its schema version, closing it. */
export type StoreLifecycle = Pick<KioskStore, 'kind' | 'location' | 'schemaVersion' | 'close'>;

/** Every port together: nothing of KioskStore is left outside one (a compile-time check). */
type AllPorts = VisitStore &
  LookupCacheStore &
  RecheckQueueStore &
  DiscrepancyStore &
  CallingStore &
  PurgeStore &
  HisHandOffStore &
  EvidenceStore &
  AuditTrailStore &
  StoreLifecycle;
/** Fails to compile, naming the member, when KioskStore gains one that no port holds. */
type EveryMemberPorted<Unported extends never> = Unported;
export type PortCheck = EveryMemberPorted<Exclude<keyof KioskStore, keyof AllPorts>>;
