/**
 * Which parts of a station are simulators. Any answer such a station gives (the identity read,
 * the insurance result) may be made up, so its slips and every screen say "MÔ PHỎNG /
 * SIMULATED". One rule for main (slips, doctor) and the screens.
 */
export interface SimulatedParts {
  reader: boolean;
  gateway: boolean;
}

/** Any identity or insurance answer here may be made up. */
export function isSimulatedStation(parts: SimulatedParts): boolean {
  return parts.reader || parts.gateway;
}
