import { describe, expect, it } from 'vitest';
import {
  chooseNext,
  DEFAULT_QUEUE_POLICY,
  type QueuePolicy,
  type WaitingCandidate,
} from '../../../src/main/domain/queue-policy';
import type { Lane } from '../../../src/shared/domain';

interface Cand extends WaitingCandidate {
  id: string;
}

let clock = 0;
function cand(lane: Lane, id: string): Cand {
  clock += 1;
  return {
    id,
    lane,
    queueSeq: clock,
    createdAt: new Date(Date.UTC(2026, 11, 1, 1, 0, clock)).toISOString(),
  };
}

/** Calls everyone in `waiting` (plus arrivals) one by one and returns the lanes in call order. */
function drain(
  waiting: Cand[],
  policy: QueuePolicy = DEFAULT_QUEUE_POLICY,
  arrivalsPerCall: (step: number) => Cand[] = () => [],
  maxCalls = 1000,
): Cand[] {
  const pool = [...waiting];
  const called: Cand[] = [];
  for (let step = 0; step < maxCalls; step++) {
    pool.push(...arrivalsPerCall(step));
    const next = chooseNext(
      pool,
      called.map((c) => c.lane),
      policy,
    );
    if (!next) break;
    pool.splice(pool.indexOf(next), 1);
    called.push(next);
  }
  return called;
}

describe('queue policy: order', () => {
  it('returns null when nobody waits', () => {
    expect(chooseNext([], [])).toBeNull();
  });

  it('calls an emergency first, whatever the rhythm says', () => {
    const n1 = cand('normal', 'n1');
    const e1 = cand('emergency', 'e1');
    const p1 = cand('elderly', 'p1');
    expect(chooseNext([n1, p1, e1], ['normal', 'normal'])?.id).toBe('e1');
  });

  it('within one lane, first come first called', () => {
    const a = cand('normal', 'a');
    const b = cand('normal', 'b');
    expect(chooseNext([b, a], [])?.id).toBe('a');
  });

  it('interleaves one priority per two normal', () => {
    const ws = [
      ...['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((id) => cand('normal', id)),
      ...['p1', 'p2', 'p3'].map((id) => cand('pregnant', id)),
    ];
    expect(drain(ws).map((c) => c.id)).toEqual([
      'p1',
      'n1',
      'n2',
      'p2',
      'n3',
      'n4',
      'p3',
      'n5',
      'n6',
    ]);
  });

  it('follows a configured rhythm (two priority per three normal)', () => {
    const policy = { ...DEFAULT_QUEUE_POLICY, priorityPerTurn: 2, normalPerTurn: 3 };
    const ws = [
      ...Array.from({ length: 6 }, (_, i) => cand('normal', `n${i}`)),
      ...Array.from({ length: 4 }, (_, i) => cand('child', `p${i}`)),
    ];
    expect(drain(ws, policy).map((c) => c.lane[0])).toEqual(
      'ccnnnccnnn'.split('').map((ch) => (ch === 'c' ? 'c' : 'n')),
    );
  });

  it('an empty side gives its turn away', () => {
    const ws = ['n1', 'n2', 'n3', 'n4'].map((id) => cand('normal', id));
    expect(drain(ws).map((c) => c.id)).toEqual(['n1', 'n2', 'n3', 'n4']);
    const ps = ['p1', 'p2', 'p3'].map((id) => cand('disability', id));
    expect(drain(ps).map((c) => c.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('emergency calls do not cost the normal side its turn', () => {
    const n = cand('normal', 'n');
    const p = cand('elderly', 'p');
    // priority, emergency: the priority turn is used up, so normal is next.
    expect(chooseNext([n, p], ['elderly', 'emergency'])?.id).toBe('n');
  });

  it('treats emergency as an ordinary priority lane when emergencyFirst is off', () => {
    const policy: QueuePolicy = {
      ...DEFAULT_QUEUE_POLICY,
      emergencyFirst: false,
      priorityLanes: [...DEFAULT_QUEUE_POLICY.priorityLanes, 'emergency'],
    };
    const p = cand('elderly', 'p');
    const e = cand('emergency', 'e');
    expect(chooseNext([e, p], [], policy)?.id).toBe('p');
  });
});

describe('queue policy: fairness between priority lanes', () => {
  it('priority lanes share their turns by check-in time', () => {
    const ws = [
      cand('elderly', 'e1'),
      cand('child', 'c1'),
      cand('elderly', 'e2'),
      cand('pregnant', 'p1'),
    ];
    expect(drain(ws).map((c) => c.id)).toEqual(['e1', 'c1', 'e2', 'p1']);
  });
});

describe('queue policy: no lane starves', () => {
  it('with steady arrivals in every lane, every lane is called within a bounded wait', () => {
    const lanes: Lane[] = [
      'normal',
      'normal',
      'normal',
      'elderly',
      'child',
      'pregnant',
      'disability',
    ];
    const initial = lanes.map((l, i) => cand(l, `start-${i}`));
    // More people arrive every call than can be called: queues grow in every lane.
    const arrivals = (step: number): Cand[] => lanes.map((l, i) => cand(l, `s${step}-${i}`));
    const called = drain(initial, DEFAULT_QUEUE_POLICY, arrivals, 300);
    expect(called).toHaveLength(300);
    for (const lane of ['normal', 'elderly', 'child', 'pregnant', 'disability'] as Lane[]) {
      expect(called.some((c) => c.lane === lane)).toBe(true);
    }
    // Neither side ever waits longer than its rhythm allows.
    let sinceNormal = 0;
    let sincePriority = 0;
    for (const c of called) {
      if (c.lane === 'normal') {
        sinceNormal = 0;
        sincePriority += 1;
      } else {
        sincePriority = 0;
        sinceNormal += 1;
      }
      expect(sinceNormal).toBeLessThanOrEqual(DEFAULT_QUEUE_POLICY.priorityPerTurn);
      expect(sincePriority).toBeLessThanOrEqual(DEFAULT_QUEUE_POLICY.normalPerTurn);
    }
  });

  it('the first person in any priority lane is called within a bounded number of calls', () => {
    const normals = Array.from({ length: 50 }, (_, i) => cand('normal', `n${i}`));
    const childrenBefore = Array.from({ length: 10 }, (_, i) => cand('elderly', `e${i}`));
    const late = cand('child', 'late-child');
    const called = drain([...normals, ...childrenBefore, late]).map((c) => c.id);
    // Ten elderly ahead of it, each taking one turn of three calls.
    expect(called.indexOf('late-child')).toBeLessThanOrEqual(3 * 11);
  });
});
