/**
 * How many times the slip of the visit on the done screen may be printed again from the station:
 * once on a public kiosk (a jammed or failed slip), so nobody stands there printing numbered
 * slips to hand out; null: no limit (staff at the desk, who also reprint from the visit list).
 */
import type { StationMode } from '../../shared/domain';

export function reprintsOnDone(mode: StationMode): number | null {
  return mode === 'kiosk' ? 1 : null;
}

export function mayReprintOnDone(mode: StationMode, reprintedSoFar: number): boolean {
  const limit = reprintsOnDone(mode);
  return limit === null || reprintedSoFar < limit;
}
