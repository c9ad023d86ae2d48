/** Check-in requests for the store tests and the crash/concurrency child processes. */
import type { CheckInRequest } from '../../../src/main/store/store-contract';

export const TEST_DAY = '2026-11-23';

/** A pending-insurance check-in with its re-check, `noteBytes` of staff note to grow the row. */
export function pendingCheckIn(
  idNumber: string,
  over: Partial<CheckInRequest> = {},
  noteBytes = 100,
): CheckInRequest {
  const patient = {
    idNumber,
    fullName: `Người Thử ${idNumber}`,
    dateOfBirth: '1970-01-01',
    sex: 'F' as const,
  };
  return {
    date: TEST_DAY,
    stationId: 'K01',
    department: 'KHAM',
    lane: 'normal',
    patient,
    identitySource: 'chip',
    insurance: {
      source: 'pending',
      result: null,
      cachedAt: null,
      stale: false,
      note: 'x'.repeat(noteBytes),
    },
    createdAt: `${TEST_DAY}T01:00:00.000Z`,
    recheck: { idNumber, fullName: patient.fullName, dateOfBirth: patient.dateOfBirth },
    ...over,
  };
}
