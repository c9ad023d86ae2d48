/**
 * The store seen by one use: each service takes only the part of KioskStore it needs, so what a
 * service can do to the data is visible in its options and a test double implements that part
 * alone. The other uses (visits, lookup cache, re-check queue, discrepancies, purge) get theirs
 * as their services are narrowed.
 */
import type { KioskStore } from './store-contract';

/** Calling patients in: the next call, a room's actions, the board's calls and counts. */
export type CallingStore = Pick<
  KioskStore,
  'callNext' | 'roomAction' | 'recentCalls' | 'waitingCounts' | 'getVisit'
>;
