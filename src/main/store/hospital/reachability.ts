/**
 * Whether a failure means "the hospital's server cannot be reached" (work offline on the
 * station's own SQLite) or anything else (a refused login, a constraint, a full disk: say so and
 * stop, because checking in offline would only hide a problem that staff must fix).
 *
 * The PostgreSQL store already maps connection failures to STORE_UNREACHABLE; a raw error that
 * escaped the mapping (a LISTEN client, a pool's idle connection) is judged by the same rule
 * (isUnreachableFailure in ../store-errors.ts).
 */
import { KioskError, isKioskErrorShape } from '../../../shared/errors';
import { isUnreachableFailure } from '../store-errors';

export function isServerUnreachable(err: unknown): boolean {
  if (err instanceof KioskError || isKioskErrorShape(err)) {
    return (err as { code: string }).code === 'STORE_UNREACHABLE';
  }
  return isUnreachableFailure(err);
}

/**
 * How long to wait before the next attempt to reach the server: doubling from `baseMs` up to
 * `maxMs`. Attempt 0 is the first retry after the server went away.
 */
export function reconnectDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  const n = Math.max(0, Math.floor(attempt));
  // 2 ** 31 and beyond overflow nothing useful; the cap is reached long before.
  return Math.min(maxMs, baseMs * 2 ** Math.min(n, 30));
}
