/**
 * Insurance lookups against the simulated gateway over real HTTP on loopback (client and
 * simulator in one process, so the figures include the simulator's own cost).
 * - lookups per second at concurrency 1 / 8 / 32, with the client's kept-alive connections;
 * - how fast a lookup fails when the service is down: before the breaker opens (connection
 *   refused/reset + retries with back-off) and once it is open (no network at all).
 * Each lookup asks about a different (unknown → 050) person so that the one-lookup-per-person
 * rule does not merge them; the full answer path (token, JSON, zod, mapping) still runs.
 */
import { parseConfig } from '../src/main/config/load-config';
import { createInsuranceService } from '../src/main/insurance';
import { startSimulatedGateway } from '../src/sim/insurance/sim-gateway';
import { nullLogger } from '../src/main/logging/logger';
import { KioskError } from '../src/shared/errors';
import type { Report } from './report';

const ROUNDS = 7;
const PER_ROUND = 300;

let serial = 0;
const nextQuery = () => ({
  idNumber: `0990${String(++serial).padStart(8, '0')}`,
  fullName: 'Người Thử Tải',
  dateOfBirth: '1990-01-01',
});

export default async function bench(report: Report): Promise<void> {
  const sim = await startSimulatedGateway({});
  const config = parseConfig(
    { insurance: { maxSockets: 32, circuitFailureThreshold: 3 } },
    'bench',
  );
  const service = createInsuranceService({
    config,
    logger: nullLogger,
    baseUrl: sim.url,
    credentials: { username: sim.username, password: sim.password },
  });
  try {
    for (let i = 0; i < 50; i++) await service.lookup(nextQuery()); // warm-up, token cached

    for (const concurrency of [1, 8, 32]) {
      const rates: number[] = [];
      const connectionsBefore = service.connectionsOpened();
      sim.resetStats();
      for (let round = 0; round < ROUNDS; round++) {
        let left = PER_ROUND;
        const worker = async (): Promise<void> => {
          while (left-- > 0) await service.lookup(nextQuery());
        };
        const t0 = performance.now();
        await Promise.all(Array.from({ length: concurrency }, worker));
        rates.push((PER_ROUND * 1000) / (performance.now() - t0));
      }
      report.samples(`lookups_per_s.c${concurrency}`, rates, 'lookups/s');
      report.figure(
        `connections_opened.c${concurrency}`,
        `${service.connectionsOpened() - connectionsBefore} new for ${ROUNDS * PER_ROUND} lookups (${sim.stats().checkRequests} requests)`,
      );
    }

    // Down: the first lookups pay for refused connections and back-off, then the breaker opens.
    sim.setMode('down');
    const beforeOpen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await service.lookup(nextQuery()).catch(() => undefined);
      beforeOpen.push(performance.now() - t0);
    }
    report.samples('down_breaker_closed_ms', beforeOpen, 'ms/lookup (with 2 retries and back-off)');
    const open: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      const err = await service.lookup(nextQuery()).catch((e: unknown) => e);
      open.push((performance.now() - t0) * 1000);
      if (!(err instanceof KioskError) || err.code !== 'INSURANCE_CIRCUIT_OPEN') {
        throw new Error('expected INSURANCE_CIRCUIT_OPEN');
      }
    }
    report.samples('down_breaker_open_us', open, 'µs/lookup (INSURANCE_CIRCUIT_OPEN, no request)');
  } finally {
    await service.close();
    await sim.close();
  }
}
