import { parseConfig } from '../../../src/main/config/load-config';
import type { KioskConfig } from '../../../src/main/config/schema';
import { createInsuranceService, type InsuranceServiceHandle } from '../../../src/main/insurance';
import {
  startSimulatedGateway,
  type SimGatewayHandle,
  type SimGatewayOptions,
} from '../../../src/sim/insurance/sim-gateway';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import type { Logger } from '../../../src/main/logging/logger';

/** 2026-11-23 10:00 in Hanoi: inside every "valid" window of the catalog. */
export const TODAY = Date.parse('2026-11-23T03:00:00Z');

export function testConfig(insurance: Record<string, unknown> = {}): KioskConfig {
  return parseConfig(
    {
      // Every "real" service here is the simulated gateway on loopback, with the placeholder officer.
      allowSimulated: true,
      insurance: {
        requestTimeoutMs: 2000,
        retryCount: 2,
        retryBaseMs: 50,
        circuitFailureThreshold: 3,
        circuitResetMs: 5000,
        // Every lookup reaches the simulator unless a test is about reusing answers.
        answerReuseMinutes: 0,
        ...insurance,
      },
    },
    'test-config.json',
  );
}

export interface Rig {
  sim: SimGatewayHandle;
  service: InsuranceServiceHandle;
  clock: { t: number };
  lines: string[];
  logger: Logger;
  close(): Promise<void>;
}

/** A simulator and a service talking to it over real HTTP on loopback, sharing a movable clock. */
export async function rig(
  insurance: Record<string, unknown> = {},
  simOptions: SimGatewayOptions = {},
): Promise<Rig> {
  const clock = { t: TODAY };
  const now = (): Date => new Date(clock.t);
  const { logger, lines } = createMemoryLogger('debug');
  const sim = await startSimulatedGateway({ now, logger, ...simOptions });
  const service = createInsuranceService({
    config: testConfig(insurance),
    logger,
    baseUrl: sim.url,
    credentials: { username: sim.username, password: sim.password },
    now,
  });
  return {
    sim,
    service,
    clock,
    lines,
    logger,
    async close() {
      await service.close();
      await sim.close();
    },
  };
}

export const AN = {
  idNumber: '001085012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1985-03-14',
};
