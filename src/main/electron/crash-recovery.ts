/**
 * What main does when the page dies or hangs, or main itself throws. A kiosk nobody watches must
 * come back by itself: the page is reloaded; if it keeps dying, the whole app is relaunched
 * rather than reloading for ever; an uncaught exception in main is logged and the app relaunched
 * (Electron's own handler would show a modal dialog, freezing the kiosk behind it).
 */

export type RecoveryAction = 'reload' | 'relaunch' | 'none';

export interface RecoveryOptions {
  now?: () => number;
  /** Reloads allowed inside `windowMs` before the app is relaunched instead. */
  maxReloads?: number;
  windowMs?: number;
}

/** Electron's `render-process-gone` reasons that are not a failure. */
const NOT_A_FAILURE = new Set(['clean-exit']);

export class PageRecovery {
  private readonly reloads: number[] = [];
  private readonly now: () => number;
  private readonly maxReloads: number;
  private readonly windowMs: number;

  constructor(options: RecoveryOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxReloads = options.maxReloads ?? 3;
    this.windowMs = options.windowMs ?? 5 * 60_000;
  }

  /** The renderer process ended (`render-process-gone`). */
  onGone(reason: string): RecoveryAction {
    if (NOT_A_FAILURE.has(reason)) return 'none';
    return this.reloadOrRelaunch();
  }

  /** The page stayed unresponsive past the grace period. */
  onHung(): RecoveryAction {
    return this.reloadOrRelaunch();
  }

  private reloadOrRelaunch(): RecoveryAction {
    const now = this.now();
    while (this.reloads.length > 0 && now - this.reloads[0]! > this.windowMs) this.reloads.shift();
    if (this.reloads.length >= this.maxReloads) return 'relaunch';
    this.reloads.push(now);
    return 'reload';
  }
}

/**
 * The log fields of a crash: the error's kind and where it was thrown, never its message
 * (which may quote a name or an ID number the code was handling).
 */
export function describeCrash(err: unknown): { name: string; code: string | null; at: string } {
  const e = err instanceof Error ? err : null;
  const code = (e as { code?: unknown } | null)?.code;
  const frame = e?.stack
    ?.split('\n')
    .slice(1)
    .find((line) => line.trim().startsWith('at '));
  return {
    name: e?.name ?? typeof err,
    code: typeof code === 'string' ? code : null,
    at: frame?.trim().slice(3, 200) ?? 'unknown',
  };
}
