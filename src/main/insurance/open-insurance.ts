/**
 * The insurance service as configured: with `insurance.service: "simulated"` (the default on a
 * fresh machine) the simulated gateway is started on a random loopback port and the service
 * talks to it over real HTTP with its credentials; with `bhxh` the configured gateway is used.
 * An explicit `gateway` (the CLI's --gateway) wins over both.
 */
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import { createInsuranceService, type InsuranceServiceHandle } from './insurance-service';
import { startSimulatedGateway, type SimGatewayHandle } from '../../sim/insurance/sim-gateway';

export interface OpenInsuranceOptions {
  config: KioskConfig;
  logger: Logger;
  now?: () => Date;
  gateway?: { url: string; username?: string; password?: string };
}

export interface OpenedInsurance {
  insurance: InsuranceServiceHandle;
  /** The in-process simulator, when one was started. */
  simulator: SimGatewayHandle | null;
  close(): Promise<void>;
}

export async function openInsurance(o: OpenInsuranceOptions): Promise<OpenedInsurance> {
  const ins = o.config.insurance;
  let simulator: SimGatewayHandle | null = null;
  let baseUrl: string | undefined;
  let credentials: { username: string; password: string } | undefined;
  if (o.gateway) {
    baseUrl = o.gateway.url;
    if (o.gateway.username !== undefined && o.gateway.password !== undefined) {
      credentials = { username: o.gateway.username, password: o.gateway.password };
    }
  } else if (ins.service === 'simulated' && ins.enabled) {
    simulator = await startSimulatedGateway({ logger: o.logger, now: o.now });
    baseUrl = simulator.url;
    credentials = { username: simulator.username, password: simulator.password };
  }
  const insurance = createInsuranceService({
    config: o.config,
    logger: o.logger,
    baseUrl,
    credentials,
    now: o.now,
  });
  return {
    insurance,
    simulator,
    async close() {
      await insurance.close();
      await simulator?.close();
    },
  };
}
