/**
 * Check-in requests for the store benches (in process and the station child processes): made-up
 * people from the simulator's identities, each with its own 12-digit number so that no request
 * finds an earlier visit (which would be a reprint, not a new number).
 */
import type { Lane, Visit } from '../src/shared/domain';
import { sampleVisit } from '../src/sim/sample-visits';
import { SIM_IDENTITIES } from '../src/sim/data/identities';
import type { CheckInRequest } from '../src/main/store/store-contract';

export const BENCH_DAY = '2026-11-23';
const DEPARTMENTS = ['KHAM', 'NHI', 'SAN', 'RHM', 'CC'];
const LANES: Lane[] = ['normal', 'normal', 'normal', 'elderly', 'child', 'pregnant'];

const samples: Visit[] = SIM_IDENTITIES.map((id) => sampleVisit(id.index));

/** The `i`th person's check-in; one in ten carries a re-check (a re-check row). */
export function benchRequest(i: number, over: Partial<CheckInRequest> = {}): CheckInRequest {
  const v = samples[i % samples.length]!;
  const idNumber = String(300000000000 + i);
  return {
    date: BENCH_DAY,
    stationId: 'K01',
    department: DEPARTMENTS[i % DEPARTMENTS.length]!,
    lane: LANES[i % LANES.length]!,
    patient: { ...v.patient, idNumber },
    identitySource: 'chip',
    insurance: v.insurance,
    createdAt: new Date(Date.UTC(2026, 10, 23, 1) + i * 1000).toISOString(),
    recheck: i % 10 === 0 ? { idNumber, fullName: v.patient.fullName, dateOfBirth: '1970' } : null,
    ...over,
  };
}
