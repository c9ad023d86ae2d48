/**
 * How a station's window looks and what it does when it is minimised, loses focus or leaves full
 * screen. A public kiosk or display fills the screen by default, cannot be minimised, stays on
 * top and takes the focus back, so nobody at it reaches the desktop or another program behind
 * it. Plain decisions; window.ts and lockdown.ts apply them.
 */
import type { StationMode } from '../../shared/domain';
import { isPublicStation, type LockdownPolicy } from './station-lockdown';

export interface WindowShape {
  /** Electron's kiosk mode: full screen, no chrome, no leaving it from the window manager. */
  kiosk: boolean;
  fullscreen: boolean;
  minimizable: boolean;
  alwaysOnTop: boolean;
}

/** `station.fullscreen`: true/false as configured, null by mode (public stations full screen). */
export function fullscreenFor(mode: StationMode, configured: boolean | null): boolean {
  return configured ?? isPublicStation(mode);
}

export function windowShape(
  mode: StationMode,
  configured: boolean | null,
  policy: LockdownPolicy,
): WindowShape {
  const full = fullscreenFor(mode, configured);
  const kiosk = policy.locked && full;
  return { kiosk, fullscreen: full, minimizable: !policy.locked, alwaysOnTop: kiosk };
}

export type WindowEvent = 'minimize' | 'blur' | 'leave-full-screen';
export type WindowReaction = 'none' | 'restore' | 'focus' | 'fullscreen-again';

/**
 * A locked station answers each event by putting itself back: restored after a minimise,
 * focused after a blur (unless DevTools are open with --dev: they take the focus on purpose),
 * full screen again when something took it out. Staff windows are left alone.
 */
export function reactionTo(
  event: WindowEvent,
  policy: LockdownPolicy,
  shape: WindowShape,
  devToolsOpen: boolean,
): WindowReaction {
  if (!policy.locked) return 'none';
  switch (event) {
    case 'minimize':
      return 'restore';
    case 'blur':
      return devToolsOpen ? 'none' : 'focus';
    case 'leave-full-screen':
      return shape.fullscreen ? 'fullscreen-again' : 'none';
  }
}
