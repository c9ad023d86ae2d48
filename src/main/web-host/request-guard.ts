/**
 * Who may talk to the web host: only the page it served, on this machine. Pure checks on a
 * request's headers so they can be tested without a socket.
 *
 * - Host must name the loopback address and our port (defeats DNS rebinding: a page on
 *   evil.example resolving to 127.0.0.1 still sends `Host: evil.example`).
 * - Origin, when present, must be our own origin (browsers send it on cross-origin fetches and
 *   on every POST); Sec-Fetch-Site, when present, must not be cross-site.
 * - The per-start secret must be in the X-Kiosk-Secret header. A header (not a cookie) because
 *   browsers never attach it on their own; only our page, which read it from the URL fragment,
 *   can send it.
 */
import { timingSafeEqual } from 'node:crypto';

export interface GuardSettings {
  port: number;
  secret: string;
}

export interface RequestHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'sec-fetch-site'?: string | undefined;
  'x-kiosk-secret'?: string | string[] | undefined;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 403; reason: string };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

export function allowedOrigins(port: number): string[] {
  return LOOPBACK_NAMES.map((h) => `http://${h}:${port}`);
}

export function checkHost(headers: RequestHeaders, port: number): GuardVerdict {
  const host = headers.host?.toLowerCase();
  if (!host || !LOOPBACK_NAMES.some((h) => host === `${h}:${port}`)) {
    return { ok: false, status: 400, reason: 'host' };
  }
  return { ok: true };
}

export function checkOrigin(headers: RequestHeaders, port: number): GuardVerdict {
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins(port).includes(origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'origin' };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, status: 403, reason: 'fetch-site' };
  }
  return { ok: true };
}

export function secretMatches(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Everything an /api/ request must pass. */
export function guardApiRequest(headers: RequestHeaders, settings: GuardSettings): GuardVerdict {
  const host = checkHost(headers, settings.port);
  if (!host.ok) return host;
  const origin = checkOrigin(headers, settings.port);
  if (!origin.ok) return origin;
  if (!secretMatches(headers['x-kiosk-secret'], settings.secret)) {
    return { ok: false, status: 403, reason: 'secret' };
  }
  return { ok: true };
}
