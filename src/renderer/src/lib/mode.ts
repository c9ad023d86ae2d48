import type { StationMode } from '../../../shared/domain';

/** `?mode=desk` / `?mode=kiosk` overrides the configured mode (demos, tests, screenshots). */
export function modeOverride(search: string): StationMode | null {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'desk' || mode === 'kiosk' ? mode : null;
}
