/**
 * What a station's window may do, decided once from the station mode and the command line.
 * Kiosk and display stations stand in public: no application menu (its accelerators - reload,
 * DevTools, zoom - work even with the menu bar hidden), no DevTools unless started with `--dev`,
 * no page but ours, no system browser, the display kept awake. Plain data; lockdown.ts applies it.
 */
import type { StationMode } from '../../shared/domain';

export interface LockdownPolicy {
  /** A public station (kiosk, display): everything below is as strict as it gets. */
  locked: boolean;
  /** Keep Electron's default application menu and its accelerators. */
  applicationMenu: boolean;
  devTools: boolean;
  /** Open https links in the system browser (desk staff) instead of refusing them. */
  externalLinks: boolean;
  /** Keep the display from sleeping while the app runs. */
  preventDisplaySleep: boolean;
  /**
   * The window may be closed by the user (Alt+F4, the window manager). On a public station it
   * closes only when the app quits (an operator's SIGTERM or service stop): closing the only
   * window quits the app and leaves the desktop to whoever is at the keyboard.
   */
  userMayClose: boolean;
}

export const DEV_FLAG = '--dev';

export function isPublicStation(mode: StationMode): boolean {
  return mode === 'kiosk' || mode === 'display';
}

export function hasDevFlag(argv: readonly string[]): boolean {
  return argv.includes(DEV_FLAG);
}

export function lockdownPolicy(input: {
  mode: StationMode;
  argv: readonly string[];
}): LockdownPolicy {
  const dev = hasDevFlag(input.argv);
  const locked = isPublicStation(input.mode);
  return {
    locked,
    applicationMenu: !locked,
    // Only with --dev, on every station: an unpackaged install (the usual one here, nothing is
    // packaged) is no reason to hand staff, or whoever sits at the desk, the page's internals.
    devTools: dev,
    externalLinks: !locked,
    preventDisplaySleep: locked,
    userMayClose: !locked,
  };
}

/** Whether a window `close` goes ahead: always while the app quits, else per the policy. */
export function mayCloseWindow(policy: LockdownPolicy, appQuitting: boolean): boolean {
  return appQuitting || policy.userMayClose;
}
