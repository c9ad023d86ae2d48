/**
 * Whether a failure means "the hospital's server cannot be reached" (work offline on the
 * station's own SQLite) or anything else (a refused login, a constraint, a full disk: say so and
 * stop, because checking in offline would only hide a problem that staff must fix).
 *
 * The PostgreSQL store already maps connection failures to STORE_UNREACHABLE; the raw codes are
 * recognised too so that an error that escaped the mapping (a LISTEN client, a pool's idle
 * connection) is judged the same way.
 */
import { KioskError, isKioskErrorShape } from '../../../shared/errors';

/** Network errno values that mean the server (or the way to it) is not there. */
const UNREACHABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs of a server going away or not taking connections: class 08 (connection exception),
 * admin/crash shutdown, "cannot connect now" (starting up or shutting down), too many clients.
 */
const UNREACHABLE_SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres's own words for a connection that could not be made or died (no code). */
const LOST_CONNECTION =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|connect ECONNREFUSED|Query read timeout/i;

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isServerUnreachable(err: unknown): boolean {
  if (err instanceof KioskError || isKioskErrorShape(err)) {
    return (err as { code: string }).code === 'STORE_UNREACHABLE';
  }
  const code = codeOf(err);
  if (UNREACHABLE_ERRNO.has(code)) return true;
  if (/^08[0-9A-Z]{3}$/.test(code) || UNREACHABLE_SQLSTATE.has(code)) return true;
  if (!code && err instanceof Error) {
    if (LOST_CONNECTION.test(err.message)) return true;
    // AggregateError: Node tried every address of the host (IPv4 and IPv6) and each failed.
    const inner = (err as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.length > 0) return inner.every(isServerUnreachable);
  }
  return false;
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
