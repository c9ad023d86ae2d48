/**
 * The InsuranceService: the gateway client behind a circuit breaker, one lookup in flight per
 * person, connectivity pushed to listeners, answers mapped to InsuranceResult.
 *
 * Breaker accounting: a lookup that gets no answer (timeout, outage, 5xx, bad answer, refused
 * login) is one failure; an answer saying "retry later" (100/101/500) is also one, because it is
 * how a struggling or rate-limiting service shows itself — the answer is still returned.
 */
import { setMaxListeners } from 'node:events';
import type {
  CheckingOfficer,
  GatewayStatus,
  InsuranceQuery,
  InsuranceResult,
  TreatmentHistory,
} from '../../shared/domain';
import { KioskError, type KioskErrorShape } from '../../shared/errors';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { InsuranceService, LookupOptions } from '../services-contract';
import { CircuitBreaker } from './circuit-breaker';
import { passwordHash } from './credentials';
import { hospitalDay } from '../../shared/hospital-day';
import { insuranceErrors } from './errors';
import { GatewayClient } from './gateway-client';
import { createHttpClient } from './http-client';
import { historyItem, mapAnswer, type MapContext } from './map-answer';
import { prepareQuery, type PreparedQuery } from './query';

export interface InsuranceServiceOptions {
  /** The whole configuration: the insurance and hospital sections are used. */
  config: KioskConfig;
  logger: Logger;
  /** Overrides insurance.baseUrl, e.g. the in-process simulator's URL. */
  baseUrl?: string;
  /** Overrides the configured account (plain password; hashed here), e.g. the simulator's. */
  credentials?: { username: string; password: string };
  /**
   * The account used where neither `credentials` nor the configuration name one: openInsurance
   * passes the simulated gateway's published test account when `insurance.service` is
   * "simulated" (so this file never imports simulator code).
   */
  fallbackCredentials?: { username: string; password: string };
  now?: () => Date;
}

export interface InsuranceServiceHandle extends InsuranceService {
  /** TCP connections opened so far: kept-alive sockets are reused across lookups. */
  connectionsOpened(): number;
}

interface InFlight {
  queryKey: string;
  /** The day the answer is judged for (null: today); a different day is a different question. */
  day: string | null;
  promise: Promise<InsuranceResult>;
}

const noop = (): void => {};

function asKioskError(err: unknown): KioskError {
  if (err instanceof KioskError) return err;
  // A bug in reading the answer must not pass for an answer, nor crash the caller.
  return insuranceErrors.badAnswer({
    detail: `unreadable answer (${err instanceof Error ? err.name : typeof err})`,
    cause: err,
  });
}

function withSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(insuranceErrors.cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(insuranceErrors.cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export function createInsuranceService(opts: InsuranceServiceOptions): InsuranceServiceHandle {
  const cfg = opts.config.insurance;
  const hospital = opts.config.hospital;
  const now = opts.now ?? (() => new Date());
  const log = opts.logger.child({ svc: 'insurance' });
  const simulated = cfg.service === 'simulated';
  const uses2024 = cfg.apiVersion === '2024';

  const baseUrl = opts.baseUrl ?? cfg.baseUrl;
  const fallback = simulated ? (opts.fallbackCredentials ?? null) : null;
  const username = opts.credentials?.username ?? cfg.username ?? fallback?.username ?? null;
  const hash = opts.credentials
    ? passwordHash(opts.credentials.password, null, cfg.passwordCase)
    : (passwordHash(cfg.password, cfg.passwordMd5, cfg.passwordCase) ??
      passwordHash(fallback?.password ?? null, null, cfg.passwordCase));

  let configProblem: string | null = null;
  if (!baseUrl) configProblem = simulated ? 'the simulated gateway is not running' : 'no baseUrl';
  else if (!URL.canParse(baseUrl)) configProblem = 'baseUrl is not a URL';
  else if (!/^https?:$/.test(new URL(baseUrl).protocol)) configProblem = 'baseUrl is not http(s)';
  else if (!username) configProblem = 'no username';
  else if (!hash) configProblem = 'no password';

  const http = createHttpClient({ maxSockets: cfg.maxSockets });
  const client = configProblem
    ? null
    : new GatewayClient({
        baseUrl: baseUrl!,
        username: username!,
        passwordHash: hash!,
        tokenBody: cfg.tokenBody ?? undefined,
        bodyEncoding: cfg.bodyEncoding,
        apiVersion: cfg.apiVersion,
        timeoutMs: cfg.requestTimeoutMs,
        retry: { retries: cfg.retryCount, baseMs: cfg.retryBaseMs },
        tokenMarginMs: cfg.tokenMarginSeconds * 1000,
        http,
        now,
        logger: log,
      });

  const breaker = new CircuitBreaker(cfg.circuitFailureThreshold, cfg.circuitResetMs, () =>
    now().getTime(),
  );
  const listeners = new Set<(s: GatewayStatus) => void>();
  const inflight = new Map<string, InFlight>();
  const closing = new AbortController();
  // Every request in flight listens on this one signal; dozens at once are normal here.
  setMaxListeners(0, closing.signal);
  let lastSuccessAt: string | null = null;
  let lastFailure: KioskErrorShape | null = configProblem
    ? insuranceErrors.config({ detail: configProblem }).toShape()
    : null;
  let retryLater = false;
  let lastPublished = '';
  /** Answers kept for `answerReuseMinutes`, by the question (see reuse()). */
  const recent = new Map<string, { at: number; result: InsuranceResult }>();
  const reuseMs = cfg.answerReuseMinutes * 60_000;

  /**
   * A re-scan of the same person within the window gets the answer already had instead of a
   * new request (gentle with the account, reference §5). Only answers that settle something
   * are kept: "retry later" and the officer/configuration codes are asked again.
   */
  function reusable(key: string): InsuranceResult | null {
    const hit = recent.get(key);
    if (!hit) return null;
    if (now().getTime() - hit.at > reuseMs || now().getTime() < hit.at) {
      recent.delete(key);
      return null;
    }
    return hit.result;
  }

  function remember(key: string, result: InsuranceResult): void {
    if (reuseMs <= 0) return;
    if (result.outcome === 'retry-later' || result.outcome === 'configuration-error') return;
    const t = now().getTime();
    for (const [k, v] of recent) if (t - v.at > reuseMs) recent.delete(k);
    recent.set(key, { at: t, result });
  }

  /** The officer a lookup carries: the one asked for, else the configured one (2024 API). */
  function officerFor(options?: LookupOptions): CheckingOfficer | null {
    if (!uses2024) return null;
    return options?.officer ?? cfg.officer ?? null;
  }

  function status(): GatewayStatus {
    const circuit = breaker.state();
    const state: GatewayStatus['state'] = !cfg.enabled
      ? 'disabled'
      : configProblem || circuit !== 'closed'
        ? 'offline'
        : breaker.consecutiveFailures() > 0 || retryLater
          ? 'degraded'
          : 'online';
    return { state, circuit, lastSuccessAt, lastFailure, simulated };
  }

  function publish(): void {
    const s = status();
    const key = JSON.stringify(s);
    if (key === lastPublished) return;
    lastPublished = key;
    for (const listener of listeners) {
      try {
        listener(s);
      } catch {
        log.warn('insurance status listener threw');
      }
    }
  }

  function context(day: string | null): MapContext {
    const at = now();
    return {
      today: day ?? hospitalDay(at, hospital.timeZone),
      checkedAt: at.toISOString(),
      facilityCode: hospital.facilityCode,
      facilityName: hospital.name.vi,
      rules: cfg.coverageRules,
    };
  }

  async function run(q: PreparedQuery, day: string | null): Promise<InsuranceResult> {
    if (!client) throw insuranceErrors.config({ detail: configProblem ?? 'not configured' });
    if (closing.signal.aborted) throw insuranceErrors.cancelled();
    const admission = breaker.admit();
    if (!admission.ok) {
      publish();
      throw insuranceErrors.circuitOpen(Math.max(1, Math.ceil(admission.retryInMs / 1000)));
    }
    const { ticket } = admission;
    if (ticket.probe) log.info('insurance circuit half-open: probing');
    publish();
    const started = performance.now();
    try {
      const { answer, requests } = await client.checkCard(q.body, closing.signal);
      const result = mapAnswer(answer, context(day));
      if (result.outcome === 'retry-later') {
        breaker.failure(ticket);
        retryLater = true;
      } else {
        breaker.success(ticket);
        retryLater = false;
        lastFailure = null;
      }
      lastSuccessAt = result.checkedAt;
      log.info('insurance lookup answered', {
        code: result.code,
        outcome: result.outcome,
        ms: Math.round(performance.now() - started),
        requests,
      });
      return result;
    } catch (err) {
      const e = asKioskError(err);
      if (e.code === 'INSURANCE_CANCELLED') {
        breaker.release(ticket);
      } else {
        breaker.failure(ticket);
        lastFailure = e.toShape();
      }
      log.warn('insurance lookup failed', {
        code: e.code,
        detail: e.detail,
        ms: Math.round(performance.now() - started),
        circuit: breaker.state(),
      });
      throw e;
    } finally {
      publish();
    }
  }

  return {
    lookup(query: InsuranceQuery, options?: LookupOptions): Promise<InsuranceResult> {
      if (!cfg.enabled) return Promise.reject(insuranceErrors.disabled());
      if (closing.signal.aborted) return Promise.reject(insuranceErrors.cancelled());
      let prepared: PreparedQuery;
      const officer = officerFor(options);
      try {
        if (uses2024 && !officer) throw insuranceErrors.noOfficer();
        prepared = prepareQuery(query, { nameDiacritics: cfg.nameDiacritics, officer });
      } catch (err) {
        return Promise.reject(asKioskError(err));
      }
      const day = options?.day ?? null;
      const reuseKey = `${prepared.queryKey}|${day ?? ''}`;
      const kept = reusable(reuseKey);
      if (kept) {
        log.debug('insurance answer reused');
        return Promise.resolve(kept);
      }
      const existing = inflight.get(prepared.personKey);
      if (existing && existing.queryKey === prepared.queryKey && existing.day === day) {
        return withSignal(existing.promise, options?.signal);
      }
      // One lookup per person at a time: a different question waits for the one in flight.
      const before = existing ? existing.promise.then(noop, noop) : Promise.resolve();
      const key = prepared.personKey;
      const entry = { queryKey: prepared.queryKey, day } as InFlight;
      // Forget the entry before any caller sees the outcome, so the next lookup asks again.
      entry.promise = before
        .then(() => run(prepared, day))
        .then((result) => {
          remember(reuseKey, result);
          return result;
        })
        .finally(() => {
          if (inflight.get(key) === entry) inflight.delete(key);
        });
      inflight.set(key, entry);
      return withSignal(entry.promise, options?.signal);
    },
    async history(query: InsuranceQuery, options?: LookupOptions): Promise<TreatmentHistory> {
      const checkedAt = now().toISOString();
      const none = (status: TreatmentHistory['status'], code: string | null = null) => ({
        status,
        code,
        items: [],
        checkedAt,
      });
      if (!cfg.enabled || !cfg.historyEnabled || !client) return none('off');
      const officer = officerFor(options);
      let prepared: PreparedQuery;
      try {
        prepared = prepareQuery(query, { nameDiacritics: cfg.nameDiacritics, officer });
      } catch {
        return none('unavailable');
      }
      // An open circuit means the service is failing: the history is extra, never a probe.
      if (breaker.state() === 'open') return none('unavailable');
      const budget = AbortSignal.timeout(cfg.historyBudgetMs);
      const signal = AbortSignal.any(
        [closing.signal, budget, options?.signal].filter((x): x is AbortSignal => Boolean(x)),
      );
      const started = performance.now();
      try {
        const { answer } = await client.history(prepared.body, signal);
        const ok = answer.maKetQua === '000';
        log.info('insurance history answered', {
          code: answer.maKetQua,
          items: answer.dsLichSuKCB2025?.length ?? 0,
          ms: Math.round(performance.now() - started),
        });
        return {
          status: ok ? 'answered' : 'unavailable',
          code: answer.maKetQua,
          items: ok ? (answer.dsLichSuKCB2025 ?? []).map(historyItem) : [],
          checkedAt,
        };
      } catch (err) {
        // Never thrown: the history only ever loses its panel, never the check-in.
        log.warn('insurance history failed', {
          code: asKioskError(err).code,
          ms: Math.round(performance.now() - started),
        });
        return none('unavailable');
      }
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connectionsOpened: () => http.connectionsOpened(),
    async close() {
      closing.abort();
      http.close();
      listeners.clear();
    },
  };
}
