/**
 * The insurance service as configured (wiring beside the composition root, because it chooses
 * the simulator): with `insurance.service: "simulated"` (the default on a
 * fresh machine) the simulated gateway is started on a random loopback port and the service
 * talks to it over real HTTP with its credentials; with `bhxh` the configured gateway is used.
 * An explicit `gateway` (the CLI's --gateway) wins over both. Simulator code is loaded here
 * (dynamic import) only when the configuration asks for it, so a deployment with the real
 * gateway never loads it.
 */
import type { KioskConfig } from './config/schema';
import type { Logger } from './logging/logger';
import type { SimulatedGatewayControl } from './services-contract';
import { createInsuranceService, type InsuranceServiceHandle } from './insurance/insurance-service';

export interface OpenInsuranceOptions {
  config: KioskConfig;
  logger: Logger;
  now?: () => Date;
  gateway?: { url: string; username?: string; password?: string };
}

export interface OpenedInsurance {
  insurance: InsuranceServiceHandle;
  /** The in-process simulator, when one was started. */
  simulator: SimulatedGatewayControl | null;
  close(): Promise<void>;
}

export async function openInsurance(o: OpenInsuranceOptions): Promise<OpenedInsurance> {
  const ins = o.config.insurance;
  let simulator: SimulatedGatewayControl | null = null;
  let baseUrl: string | undefined;
  let credentials: { username: string; password: string } | undefined;
  if (o.gateway) {
    baseUrl = o.gateway.url;
    if (o.gateway.username !== undefined && o.gateway.password !== undefined) {
      credentials = { username: o.gateway.username, password: o.gateway.password };
    }
  } else if (ins.service === 'simulated' && ins.enabled) {
    const { startSimulatedGateway } = await import('../sim/insurance/sim-gateway');
    const started = await startSimulatedGateway({ logger: o.logger, now: o.now });
    simulator = started;
    baseUrl = started.url;
    credentials = { username: started.username, password: started.password };
  }
  // A simulated service reached another way (--gateway at `simulate-gateway`) without an
  // account: the simulator's published test account.
  const fallbackCredentials =
    ins.service === 'simulated' && !credentials ? await simulatorAccount() : undefined;
  const insurance = createInsuranceService({
    config: o.config,
    logger: o.logger,
    baseUrl,
    credentials,
    ...(fallbackCredentials ? { fallbackCredentials } : {}),
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

async function simulatorAccount(): Promise<{ username: string; password: string }> {
  const { SIM_GATEWAY_USERNAME, SIM_GATEWAY_PASSWORD } =
    await import('../sim/insurance/sim-credentials');
  return { username: SIM_GATEWAY_USERNAME, password: SIM_GATEWAY_PASSWORD };
}
