/**
 * Talks FHIR R4 to the hospital's HIS: POSTs transaction bundles to the base URL, searches
 * Appointments, and asks for the CapabilityStatement to tell whether the HIS is there. Every
 * call has a deadline. The answer is sorted into what the outbox needs to decide:
 * accepted, refused for good (a 4xx: the HIS says the content is wrong; staff must see its
 * OperationOutcome), or worth retrying later (no answer, 5xx, 408, 409 version conflict, 429).
 */
import type { HisConfig } from '../config/sections/his';
import type { Appointment, Bundle, OperationOutcome } from './fhir/fhir-types';

export type HisSendOutcome =
  | { kind: 'accepted'; status: number }
  | { kind: 'refused'; status: number; text: string }
  | { kind: 'retry'; status: number | null; text: string };

export interface HisPing {
  reachable: boolean;
  status: number | null;
  detail: string;
  ms: number;
}

export interface HisClient {
  readonly baseUrl: string;
  sendTransaction(bundle: Bundle): Promise<HisSendOutcome>;
  /** Appointments of the person with this identifier on this day; throws when no answer. */
  searchAppointments(
    identifier: { system: string; value: string },
    date: string,
    timeoutMs: number,
  ): Promise<Appointment[]>;
  ping(timeoutMs: number): Promise<HisPing>;
}

/** 4xx answers that say "not now" rather than "not this". */
const RETRYABLE_4XX = new Set([408, 409, 423, 429]);

export function authorizationHeader(auth: HisConfig['auth']): string | null {
  if (auth.kind === 'basic') {
    return `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}`;
  }
  if (auth.kind === 'bearer') return `Bearer ${auth.bearerToken ?? ''}`;
  return null;
}

/** The text of an OperationOutcome for staff: each issue's words and where it points. */
export function outcomeText(body: unknown): string | null {
  const o = body as Partial<OperationOutcome> | null;
  if (!o || o.resourceType !== 'OperationOutcome' || !Array.isArray(o.issue)) return null;
  return o.issue
    .map((i) => {
      const words = i.details?.text ?? i.diagnostics ?? i.code;
      const where = i.expression?.length ? ` (${i.expression.join(', ')})` : '';
      return `${i.severity}: ${words}${where}`;
    })
    .join('; ');
}

function transportText(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer in time';
  return `no connection${e.cause?.code ? ` (${e.cause.code})` : ''}`;
}

export function createHisClient(
  config: Pick<HisConfig, 'fhirBaseUrl' | 'auth' | 'requestTimeoutMs'>,
): HisClient {
  const baseUrl = (config.fhirBaseUrl ?? '').replace(/\/+$/, '');
  const auth = authorizationHeader(config.auth);
  const headers = (): Record<string, string> => ({
    accept: 'application/fhir+json',
    ...(auth ? { authorization: auth } : {}),
  });

  async function request(
    method: 'GET' | 'POST',
    path: string,
    timeoutMs: number,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...headers(),
        ...(body !== undefined ? { 'content-type': 'application/fhir+json; charset=utf-8' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json };
  }

  return {
    baseUrl,
    async sendTransaction(bundle) {
      let r;
      try {
        r = await request('POST', '', config.requestTimeoutMs, bundle);
      } catch (err) {
        return { kind: 'retry', status: null, text: transportText(err) };
      }
      const text = outcomeText(r.json) ?? `HTTP ${r.status}`;
      if (r.status >= 200 && r.status < 300) {
        const b = r.json as Partial<Bundle> | null;
        if (b?.resourceType !== 'Bundle' || b.type !== 'transaction-response') {
          return { kind: 'retry', status: r.status, text: 'answer is not a transaction-response' };
        }
        return { kind: 'accepted', status: r.status };
      }
      if (r.status >= 400 && r.status < 500 && !RETRYABLE_4XX.has(r.status)) {
        return { kind: 'refused', status: r.status, text };
      }
      return { kind: 'retry', status: r.status, text };
    },
    async searchAppointments(identifier, date, timeoutMs) {
      // The patient's identifier through the participant reference (a chained search), and
      // the day: FHIR's `date` on a bare day matches appointments starting on it.
      const q = new URLSearchParams({
        'patient.identifier': `${identifier.system}|${identifier.value}`,
        date,
      });
      const r = await request('GET', `/Appointment?${q.toString()}`, timeoutMs);
      if (r.status !== 200) throw new Error(`HIS appointment search: HTTP ${r.status}`);
      const b = r.json as Partial<Bundle<Appointment>> | null;
      if (b?.resourceType !== 'Bundle') throw new Error('HIS appointment search: not a Bundle');
      return (b.entry ?? [])
        .map((e) => e.resource)
        .filter((a): a is Appointment => a?.resourceType === 'Appointment');
    },
    async ping(timeoutMs) {
      const started = Date.now();
      try {
        const r = await request('GET', '/metadata', timeoutMs);
        const ok = r.status === 200;
        return {
          reachable: ok,
          status: r.status,
          detail: ok ? 'ok' : (outcomeText(r.json) ?? `HTTP ${r.status}`),
          ms: Date.now() - started,
        };
      } catch (err) {
        return {
          reachable: false,
          status: null,
          detail: transportText(err),
          ms: Date.now() - started,
        };
      }
    },
  };
}
