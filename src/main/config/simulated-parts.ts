/** Which parts of this station are simulators: the screens and slips say so ("MÔ PHỎNG"). */
import { isSimulatedStation, type SimulatedParts } from '../../shared/simulated-station';
import type { KioskConfig } from './schema';

export type { SimulatedParts } from '../../shared/simulated-station';

export function simulatedParts(config: Pick<KioskConfig, 'reader' | 'insurance'>): SimulatedParts {
  return {
    reader: config.reader.driver === 'simulated',
    gateway: config.insurance.service === 'simulated',
  };
}

/** Any identity or insurance answer here may be made up. */
export function anySimulated(config: Pick<KioskConfig, 'reader' | 'insurance'>): boolean {
  return isSimulatedStation(simulatedParts(config));
}
