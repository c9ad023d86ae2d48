import type { CheckInRequest } from '../../../src/main/store/store-contract';
import { sampleVisit } from '../../../src/sim/sample-visits';

/**
 * The check-in of sample visit `index` (a made-up person of the simulator's catalog), as a store
 * takes it; `over` moves it to another day or time.
 */
export function sampleCheckIn(
  index: number,
  over: Partial<Pick<CheckInRequest, 'date' | 'createdAt'>> = {},
): CheckInRequest {
  const v = sampleVisit(index);
  return {
    date: v.date,
    stationId: v.stationId,
    department: v.department,
    lane: v.lane,
    patient: v.patient,
    identitySource: v.identitySource,
    insurance: v.insurance,
    createdAt: v.createdAt,
    recheck: null,
    ...over,
  };
}
