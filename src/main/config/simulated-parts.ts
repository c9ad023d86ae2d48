/** Which parts of this station are simulators: the screens and slips say so ("MÔ PHỎNG"). */
import type { KioskConfig } from './schema';

export interface SimulatedParts {
  reader: boolean;
  gateway: boolean;
}

export function simulatedParts(config: Pick<KioskConfig, 'reader' | 'insurance'>): SimulatedParts {
  return {
    reader: config.reader.driver === 'simulated',
    gateway: config.insurance.service === 'simulated',
  };
}

/** Any identity or insurance answer here may be made up. */
export function anySimulated(config: Pick<KioskConfig, 'reader' | 'insurance'>): boolean {
  const parts = simulatedParts(config);
  return parts.reader || parts.gateway;
}
