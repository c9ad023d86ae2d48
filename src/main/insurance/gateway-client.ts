/**
 * The BHXH gateway's calls — take a token, check a card, fetch the treatment history — with the token cached until
 * shortly before its expiry, one re-login when the service says 401, retries with back-off for
 * what is safe, and every failure turned into a typed KioskError. No personal data and no
 * credential reaches a log line or an error detail from here.
 */
import type { KioskError } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { insuranceErrors } from './errors';
import { TransportError, type HttpClient, type HttpResponse } from './http-client';
import { withRetry, type RetryPolicy } from './retry';
import {
  CHECK_PATHS,
  HISTORY_PATH,
  TOKEN_PATH,
  cardAnswerSchema,
  describeSchemaError,
  encodeBody,
  historyAnswerSchema,
  tokenAnswerSchema,
  type BodyEncoding,
  type CardAnswer,
  type CardCheckBody,
  type HistoryAnswer,
} from './wire';

/** Used when the service gives no usable expiry (the lifetime is undocumented). */
const DEFAULT_TOKEN_LIFETIME_MS = 60 * 60_000;
/** Errors of a connection that never carried the request to the service. */
const RETRYABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export interface GatewayClientOptions {
  baseUrl: string;
  username: string;
  /** MD5 hex of the password, already in the case the service expects. */
  passwordHash: string;
  /** How the token request is sent (default: `bodyEncoding`). */
  tokenBody?: BodyEncoding;
  /** How the card check and the history are sent: the sources disagree (reference §2). */
  bodyEncoding: BodyEncoding;
  apiVersion: '2018' | '2024';
  timeoutMs: number;
  retry: RetryPolicy;
  tokenMarginMs: number;
  http: HttpClient;
  now: () => Date;
  logger: Logger;
}

interface CachedToken {
  accessToken: string;
  idToken: string;
  /** Renew after this instant (expiry minus the margin). */
  renewAt: number;
}

export interface CardCheckOutcome {
  answer: CardAnswer;
  /** HTTP requests made for this check, logins included. */
  requests: number;
}

export interface HistoryOutcome {
  answer: HistoryAnswer;
  requests: number;
}

class RetryableStatus extends Error {
  constructor(readonly response: HttpResponse) {
    super(`HTTP ${response.status}`);
  }
}

/** `expires_in` as an ISO time (UTC when no zone is given) or as seconds; null when unusable. */
export function parseTokenExpiry(value: string | null, issuedAt: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return issuedAt + Number(value) * 1000;
  // .NET writes 7 fractional digits; keep 3 so every engine parses it.
  let s = value.replace(/(\.\d{3})\d+/, '$1');
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(s)) s += 'Z';
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

function looksLikeHtml(res: HttpResponse): boolean {
  return /html/i.test(res.contentType) || /^\s*</.test(res.body);
}

export class GatewayClient {
  private token: CachedToken | null = null;
  private login: Promise<CachedToken> | null = null;
  private requests = 0;

  constructor(private readonly o: GatewayClientOptions) {}

  private url(path: string): URL {
    const base = new URL(this.o.baseUrl);
    return new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base);
  }

  /** One logical request: retries for refused/reset connections and 502/503/504 only. */
  private async post(
    what: string,
    url: URL,
    contentType: string,
    body: string,
    signal?: AbortSignal,
  ): Promise<HttpResponse> {
    try {
      return await withRetry(
        async () => {
          this.requests++;
          const res = await this.o.http.post({
            url,
            headers: { 'content-type': contentType, accept: 'application/json' },
            body,
            timeoutMs: this.o.timeoutMs,
            signal,
          });
          if (RETRYABLE_STATUS.has(res.status)) throw new RetryableStatus(res);
          return res;
        },
        this.o.retry,
        (err) =>
          err instanceof RetryableStatus ||
          (err instanceof TransportError &&
            err.kind === 'connect' &&
            RETRYABLE_ERRNO.has(err.errno ?? '')),
        signal,
      );
    } catch (err) {
      if (err instanceof RetryableStatus) return err.response;
      throw this.transportError(what, err);
    }
  }

  private transportError(what: string, err: unknown): KioskError {
    if (!(err instanceof TransportError)) {
      if (signalReason(err)) return insuranceErrors.cancelled();
      return insuranceErrors.unavailable({ detail: `${what}: request failed`, cause: err });
    }
    switch (err.kind) {
      case 'timeout':
        return insuranceErrors.timeout({
          detail: `${what}: no answer within ${this.o.timeoutMs} ms`,
        });
      case 'connect':
        return insuranceErrors.unavailable({
          detail: `${what}: connection failed (${err.errno ?? 'unknown'})`,
        });
      case 'dropped':
        return insuranceErrors.unavailable({
          detail: `${what}: connection dropped mid-answer (${err.errno ?? 'closed'})`,
        });
      case 'too-large':
        return insuranceErrors.badAnswer({ detail: `${what}: answer too large` });
      case 'aborted':
        return insuranceErrors.cancelled();
    }
  }

  /** HTTP status and body → parsed JSON, or the typed error the status/body means. */
  private readJson(what: string, res: HttpResponse): unknown {
    const s = res.status;
    if (s >= 500) {
      return throwIt(insuranceErrors.unavailable({ detail: `${what}: HTTP ${s}` }));
    }
    if (s === 404 || s === 405) {
      return throwIt(
        insuranceErrors.config({ detail: `${what}: HTTP ${s}; check insurance.baseUrl` }),
      );
    }
    if (s === 429) {
      return throwIt(insuranceErrors.unavailable({ detail: `${what}: HTTP 429 rate limited` }));
    }
    if ((s < 200 || s >= 300) && s !== 401 && s !== 403) {
      return throwIt(insuranceErrors.badAnswer({ detail: `${what}: HTTP ${s}` }));
    }
    if (res.body.trim() === '') {
      return throwIt(insuranceErrors.badAnswer({ detail: `${what}: empty answer (HTTP ${s})` }));
    }
    if (looksLikeHtml(res)) {
      return throwIt(
        insuranceErrors.badAnswer({ detail: `${what}: an HTML page instead of JSON (HTTP ${s})` }),
      );
    }
    try {
      return JSON.parse(res.body) as unknown;
    } catch {
      return throwIt(insuranceErrors.badAnswer({ detail: `${what}: malformed JSON (HTTP ${s})` }));
    }
  }

  private async takeToken(signal?: AbortSignal): Promise<CachedToken> {
    const { username, passwordHash } = this.o;
    const { contentType, body } = encodeBody(this.o.tokenBody ?? this.o.bodyEncoding, {
      username,
      password: passwordHash,
    });
    const res = await this.post('token', this.url(TOKEN_PATH), contentType, body, signal);
    if (res.status === 401 || res.status === 403) {
      throw insuranceErrors.auth({ detail: `token: HTTP ${res.status}` });
    }
    const parsed = tokenAnswerSchema.safeParse(this.readJson('token', res));
    if (!parsed.success) {
      throw insuranceErrors.badAnswer({ detail: `token: ${describeSchemaError(parsed.error)}` });
    }
    const a = parsed.data;
    if (a.maKetQua !== '200') {
      throw insuranceErrors.auth({ detail: `token: login refused (maKetQua ${a.maKetQua})` });
    }
    const accessToken = a.APIKey?.access_token ?? a.access_token;
    const idToken = a.APIKey?.id_token ?? a.id_token;
    if (!accessToken || !idToken) {
      throw insuranceErrors.badAnswer({ detail: 'token: answer without access_token/id_token' });
    }
    const issuedAt = this.o.now().getTime();
    let expiry = parseTokenExpiry(a.APIKey?.expires_in ?? a.expires_in, issuedAt);
    if (expiry === null || expiry <= issuedAt) {
      if (expiry !== null) this.o.logger.warn('insurance token expiry is in the past; clock skew?');
      expiry = issuedAt + DEFAULT_TOKEN_LIFETIME_MS;
    }
    const lifetime = expiry - issuedAt;
    const margin = Math.min(this.o.tokenMarginMs, lifetime / 2);
    this.o.logger.debug('insurance token taken', { lifetimeS: Math.round(lifetime / 1000) });
    return { accessToken, idToken, renewAt: expiry - margin };
  }

  private async currentToken(signal?: AbortSignal): Promise<CachedToken> {
    const t = this.token;
    if (t && this.o.now().getTime() < t.renewAt) return t;
    // Concurrent lookups share one login.
    this.login ??= this.takeToken(signal)
      .then((fresh) => (this.token = fresh))
      .finally(() => (this.login = null));
    return this.login;
  }

  /** Forget the cached token (e.g. after the service refused it). */
  dropToken(stale?: CachedToken): void {
    if (!stale || this.token === stale) this.token = null;
  }

  private async callOnce(
    what: string,
    path: string,
    token: CachedToken,
    body: CardCheckBody,
    signal?: AbortSignal,
  ): Promise<unknown | 'unauthorized'> {
    const url = this.url(path);
    url.search = new URLSearchParams({
      token: token.accessToken,
      id_token: token.idToken,
      username: this.o.username,
      password: this.o.passwordHash,
    }).toString();
    const encoded = encodeBody(this.o.bodyEncoding, { ...body });
    const res = await this.post(what, url, encoded.contentType, encoded.body, signal);
    if (res.status === 401 || res.status === 403) return 'unauthorized';
    const json = this.readJson(what, res);
    const code = (json as { maKetQua?: unknown } | null)?.maKetQua;
    if (code === '401' || code === 401) return 'unauthorized';
    return json;
  }

  /** One gateway call with the token in the query: one re-login on 401, then stop. */
  private async call(
    what: string,
    path: string,
    body: CardCheckBody,
    signal?: AbortSignal,
  ): Promise<unknown> {
    let token = await this.currentToken(signal);
    let json = await this.callOnce(what, path, token, body, signal);
    if (json === 'unauthorized') {
      // The token may have expired early or been revoked: log in again once, then stop.
      this.o.logger.info(`insurance ${what} got 401; logging in again once`);
      this.dropToken(token);
      token = await this.currentToken(signal);
      json = await this.callOnce(what, path, token, body, signal);
      if (json === 'unauthorized') {
        this.dropToken(token);
        throw insuranceErrors.auth({
          detail: `${what}: 401 again after a fresh login (is this IP registered with BHXH?)`,
        });
      }
    }
    return json;
  }

  async checkCard(body: CardCheckBody, signal?: AbortSignal): Promise<CardCheckOutcome> {
    const before = this.requests;
    const json = await this.call('card check', CHECK_PATHS[this.o.apiVersion], body, signal);
    const parsed = cardAnswerSchema.safeParse(json);
    if (!parsed.success) {
      throw insuranceErrors.badAnswer({
        detail: `card check: ${describeSchemaError(parsed.error)}`,
      });
    }
    return { answer: parsed.data, requests: this.requests - before };
  }

  /** The treatment history (Lskcb2025): the same question as the card check, its own call. */
  async history(body: CardCheckBody, signal?: AbortSignal): Promise<HistoryOutcome> {
    const before = this.requests;
    const json = await this.call('history', HISTORY_PATH, body, signal);
    const parsed = historyAnswerSchema.safeParse(json);
    if (!parsed.success) {
      throw insuranceErrors.badAnswer({ detail: `history: ${describeSchemaError(parsed.error)}` });
    }
    return { answer: parsed.data, requests: this.requests - before };
  }
}

function throwIt(err: KioskError): never {
  throw err;
}

function signalReason(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
