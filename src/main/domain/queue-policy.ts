/**
 * Who a room calls next. Pure: the store hands over the waiting visits and the lanes this room
 * called today (oldest first); the policy answers with one of the waiting visits.
 *
 * - Emergency first: an emergency visit waiting is always called before anyone else.
 * - The priority lanes (elderly, child, disability, pregnant by default) share turns with the
 *   normal lane in a fixed rhythm, e.g. one priority call per two normal calls. A lane with no
 *   one waiting gives its turn away, so nobody waits for an empty lane.
 * - Among the priority lanes, first come first served (check-in time): no priority lane can
 *   starve another, and the rhythm guarantees neither the priority lanes nor the normal lane
 *   waits more than `normalPerTurn` (resp. `priorityPerTurn`) calls while the other is called.
 */
import type { Lane } from '../../shared/domain';

export interface QueuePolicy {
  /** Emergency visits go before every other lane. */
  emergencyFirst: boolean;
  /** Lanes that take priority turns; every other non-emergency lane is "normal". */
  priorityLanes: readonly Lane[];
  /** Priority calls in a row, when both sides have people waiting. */
  priorityPerTurn: number;
  /** Normal calls in a row before the priority side gets its turn again. */
  normalPerTurn: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  emergencyFirst: true,
  priorityLanes: ['elderly', 'child', 'disability', 'pregnant', 'merit'],
  priorityPerTurn: 1,
  normalPerTurn: 2,
};

/** What the policy needs of a waiting visit. */
export interface WaitingCandidate {
  lane: Lane;
  /** Check-in time (ISO 8601, comparable as text when all in UTC or the same offset). */
  createdAt: string;
  /** The per-lane counter: breaks ties in check-in time. */
  queueSeq: number;
}

type Side = 'emergency' | 'priority' | 'normal';

function sideOf(lane: Lane, policy: QueuePolicy): Side {
  if (lane === 'emergency' && policy.emergencyFirst) return 'emergency';
  if (policy.priorityLanes.includes(lane)) return 'priority';
  return 'normal';
}

function earliest<T extends WaitingCandidate>(items: T[]): T | null {
  let best: T | null = null;
  for (const c of items) {
    if (
      !best ||
      Date.parse(c.createdAt) < Date.parse(best.createdAt) ||
      (c.createdAt === best.createdAt && c.queueSeq < best.queueSeq)
    ) {
      best = c;
    }
  }
  return best;
}

/**
 * How many calls in a row the latest side has had (emergency calls do not count: they are
 * outside the rhythm and must not cost the other sides their turn).
 */
function currentRun(calledLanes: readonly Lane[], policy: QueuePolicy): { side: Side; n: number } {
  let side: Side | null = null;
  let n = 0;
  for (let i = calledLanes.length - 1; i >= 0; i--) {
    const s = sideOf(calledLanes[i]!, policy);
    if (s === 'emergency') continue;
    if (side === null) side = s;
    if (s !== side) break;
    n++;
  }
  return side === null ? { side: 'normal', n: 0 } : { side, n };
}

/**
 * The visit to call next, or null when nobody is waiting.
 * @param waiting visits in the `waiting` state for this room's departments
 * @param calledLanes lanes of the visits this room called today, oldest first
 */
export function chooseNext<T extends WaitingCandidate>(
  waiting: readonly T[],
  calledLanes: readonly Lane[],
  policy: QueuePolicy = DEFAULT_QUEUE_POLICY,
): T | null {
  const bySide: Record<Side, T[]> = { emergency: [], priority: [], normal: [] };
  for (const c of waiting) bySide[sideOf(c.lane, policy)].push(c);

  if (bySide.emergency.length > 0) return earliest(bySide.emergency);
  const priority = earliest(bySide.priority);
  const normal = earliest(bySide.normal);
  if (!priority || !normal) return priority ?? normal;

  const run = currentRun(calledLanes, policy);
  if (run.side === 'priority') return run.n < policy.priorityPerTurn ? priority : normal;
  // A fresh day starts with the priority side: the elderly or a pregnant woman at the door
  // when the room opens should not wait for two normal calls first.
  if (run.n === 0) return priority;
  return run.n < policy.normalPerTurn ? normal : priority;
}
