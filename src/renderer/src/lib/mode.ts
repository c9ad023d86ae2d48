import type { StationMode } from '../../../shared/domain';

/**
 * `?mode=desk|kiosk|room|display` overrides the configured mode (demos, tests, screenshots). Main
 * still answers only what its own station mode allows, whatever the page shows.
 */
export function modeOverride(search: string): StationMode | null {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'desk' || mode === 'kiosk' || mode === 'room' || mode === 'display' ? mode : null;
}
