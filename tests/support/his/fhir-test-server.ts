/**
 * A local FHIR R4 endpoint for tests: plain node:http, resources kept in memory. It validates
 * what it receives with medplum's R4 validator (422 with an OperationOutcome when invalid),
 * stores what it accepts, runs `transaction` bundles all-or-nothing with conditional
 * create (ifNoneExist), conditional update (PUT Type?identifier=system|value) and conditional
 * FHIRPath Patch (PATCH Type?identifier=…, a Parameters body), resolves `urn:uuid:` references,
 * and answers searches by identifier (Appointment also by date). Like a strict HIS it also
 * enforces two R4 rules medplum's validator lets through: an extension's url is an absolute URL
 * (422 for a URN), and the entries of one transaction must not resolve to the same resource
 * (http.html transaction rules: 400).
 * Tests tell it to misbehave: answer 500, 409 or 422, or hang without answering.
 * Test-only: nothing here ships with the kiosk.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyFhirPathPatch, PatchError } from './fhirpath-patch-apply';
import { ensureIndexed, validateR4 } from './r4-validator';
import { isAbsoluteExtensionUrl } from '../../../src/main/his/fhir/identifier-systems';

type Json = Record<string, unknown>;
interface Stored {
  resource: Json;
  version: number;
}

export type FaultMode = 'ok' | '500' | '409' | '422' | 'hang';

export interface ReceivedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface FhirTestServer {
  baseUrl: string;
  /** How the next requests are answered (until set back to 'ok'). */
  setFault(mode: FaultMode): void;
  /** Require this Authorization header (401 otherwise); null: no auth. */
  requireAuthorization(value: string | null): void;
  /** Stored resources of one type (latest versions). */
  all(resourceType: string): Json[];
  /** Every version of one type the server stored, oldest first (what the HIS has seen). */
  history(resourceType: string): Json[];
  /**
   * Holds transactions unanswered until the returned function is called; `arrived` resolves
   * when the first held one has come in.
   */
  hold(): { arrived: Promise<void>; release: () => void };
  /** Puts a resource in the store as the HIS would have it (e.g. a booked Appointment). */
  seed(resource: Json): Json;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly outcome: Json,
  ) {
    super(`HTTP ${status}`);
  }
}

function outcome(code: string, text: string, expression?: string): Json {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code,
        details: { text },
        ...(expression ? { expression: [expression] } : {}),
      },
    ],
  };
}

function identifiersOf(resource: Json): { system?: string; value?: string }[] {
  const ids = resource.identifier;
  return Array.isArray(ids) ? (ids as { system?: string; value?: string }[]) : [];
}

/** `system|value` (or just `value`) against a resource's identifiers. */
function matchesIdentifier(resource: Json, token: string): boolean {
  const bar = token.indexOf('|');
  const system = bar >= 0 ? token.slice(0, bar) : null;
  const value = bar >= 0 ? token.slice(bar + 1) : token;
  return identifiersOf(resource).some(
    (i) => i.value === value && (system === null || system === '' || i.system === system),
  );
}

/** Appointment date search, `eq` only: the appointment starts on that day (its own offset). */
function matchesDate(resource: Json, date: string): boolean {
  const start = typeof resource.start === 'string' ? resource.start : '';
  return start.slice(0, 10) === date.replace(/^eq/, '');
}

export async function startFhirTestServer(): Promise<FhirTestServer> {
  // Before listening: the first request must not wait a second for the definitions.
  ensureIndexed();
  const store = new Map<string, Map<string, Stored>>();
  let nextId = 1;
  let fault: FaultMode = 'ok';
  let requiredAuth: string | null = null;
  const received: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const versions = new Map<string, Json[]>();
  let gate: { arrived: () => void; released: Promise<void> } | null = null;

  const table = (type: string): Map<string, Stored> => {
    let t = store.get(type);
    if (!t) store.set(type, (t = new Map()));
    return t;
  };

  function search(type: string, params: URLSearchParams): Stored[] {
    return [...table(type).values()].filter((s) => {
      for (const [k, v] of params) {
        if (k === 'identifier' && !matchesIdentifier(s.resource, v)) return false;
        if (k === 'date' && !matchesDate(s.resource, v)) return false;
        if (k === 'patient.identifier') {
          const parts = (s.resource.participant as { actor?: { reference?: string } }[]) ?? [];
          const patients = parts
            .map((p) => p.actor?.reference ?? '')
            .filter((r) => r.startsWith('Patient/'))
            .map((r) => table('Patient').get(r.slice('Patient/'.length))?.resource);
          if (!patients.some((p) => p && matchesIdentifier(p, v))) return false;
        }
      }
      return true;
    });
  }

  /** Every extension url in the resource, wherever it sits. */
  function extensionUrls(value: unknown, at: string, out: { url: unknown; at: string }[]): void {
    if (Array.isArray(value)) value.forEach((v, i) => extensionUrls(v, `${at}[${i}]`, out));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'extension' || k === 'modifierExtension') && Array.isArray(v)) {
          v.forEach((e: Json, i) => out.push({ url: e?.url, at: `${at}.${k}[${i}]` }));
        }
        extensionUrls(v, `${at}.${k}`, out);
      }
    }
  }

  function validate(resource: Json): void {
    // R4 extensibility: "url ... SHALL be a URL" (the StructureDefinition's canonical URL).
    const found: { url: unknown; at: string }[] = [];
    extensionUrls(resource, resource.resourceType as string, found);
    const bad = found.filter((e) => typeof e.url !== 'string' || !isAbsoluteExtensionUrl(e.url));
    if (bad.length > 0) {
      throw new HttpFailure(422, {
        resourceType: 'OperationOutcome',
        issue: bad.map((e) => ({
          severity: 'error',
          code: 'invalid',
          details: { text: `Extension.url must be an absolute URL, not ${String(e.url)}` },
          expression: [`${e.at}.url`],
        })),
      });
    }
    const issues = validateR4(resource as { resourceType: string });
    if (issues.length > 0) {
      throw new HttpFailure(422, {
        resourceType: 'OperationOutcome',
        issue: issues.map((i) => ({
          severity: 'error',
          code: 'invalid',
          details: { text: i.text },
          expression: [i.expression],
        })),
      });
    }
  }

  /** Replaces `urn:uuid:` references by the ids the transaction gave them. */
  function resolveRefs(value: unknown, ids: Map<string, string>): unknown {
    if (Array.isArray(value)) return value.map((v) => resolveRefs(v, ids));
    if (value && typeof value === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] =
          k === 'reference' && typeof v === 'string' && ids.has(v)
            ? ids.get(v)
            : resolveRefs(v, ids);
      }
      return out;
    }
    return value;
  }

  function transaction(bundle: Json): Json {
    validate(bundle);
    if (bundle.type !== 'transaction') {
      throw new HttpFailure(400, outcome('invalid', 'only transaction bundles are accepted'));
    }
    const entries = (bundle.entry as Json[]) ?? [];
    for (const e of entries) validate(e.resource as Json);
    // Work on copies: a failure in any entry leaves the store as it was (all-or-nothing).
    const staged = new Map<string, Map<string, Stored>>();
    const view = (type: string): Map<string, Stored> => {
      let t = staged.get(type);
      if (!t) staged.set(type, (t = new Map(table(type))));
      return t;
    };
    const ids = new Map<string, string>();
    const plans: { type: string; id: string; status: string }[] = [];
    const touched = new Set<string>();
    const touch = (type: string, id: string): void => {
      // R4 http.html: overlapping resource identities in one transaction SHALL fail it.
      if (touched.has(`${type}/${id}`)) {
        throw new HttpFailure(
          400,
          outcome('processing', `${type}/${id} is the target of two entries of one transaction`),
        );
      }
      touched.add(`${type}/${id}`);
    };
    for (const e of entries) {
      const resource = e.resource as Json;
      const request = e.request as { method: string; url: string; ifNoneExist?: string };
      const [path, query = ''] = request.url.split('?');
      const type = request.method === 'PATCH' ? path! : (resource.resourceType as string);
      if (path !== type) throw new HttpFailure(400, outcome('invalid', `url ${path} for ${type}`));
      let id: string;
      let status: string;
      const matches = (criteria: string): Stored[] =>
        [...view(type).values()].filter((s) =>
          [...new URLSearchParams(criteria)].every(
            ([k, v]) => k === 'identifier' && matchesIdentifier(s.resource, v),
          ),
        );
      if (request.method === 'PATCH' && query) {
        const found = matches(query);
        if (found.length === 0)
          throw new HttpFailure(404, outcome('not-found', `${type}?${query}`));
        if (found.length > 1) {
          throw new HttpFailure(412, outcome('multiple-matches', `${type}: several matches`));
        }
        id = found[0]!.resource.id as string;
        touch(type, id);
        let patched: Json;
        try {
          patched = applyFhirPathPatch(found[0]!.resource, resource);
        } catch (err) {
          if (!(err instanceof PatchError)) throw err;
          throw new HttpFailure(422, outcome('processing', `patch: ${err.message}`));
        }
        validate(patched);
        view(type).set(id, { resource: patched, version: found[0]!.version + 1 });
        plans.push({ type, id, status: '200 OK' });
        continue;
      } else if (request.method === 'PUT' && query) {
        const found = matches(query);
        if (found.length > 1) {
          throw new HttpFailure(412, outcome('multiple-matches', `${type}: several matches`));
        }
        id = found[0] ? (found[0].resource.id as string) : String(nextId++);
        status = found[0] ? '200 OK' : '201 Created';
        touch(type, id);
      } else if (request.method === 'POST') {
        const found = request.ifNoneExist ? matches(request.ifNoneExist) : [];
        id = found[0] ? (found[0].resource.id as string) : String(nextId++);
        status = found[0] ? '200 OK' : '201 Created';
        touch(type, id);
        if (found[0]) {
          if (e.fullUrl) ids.set(e.fullUrl as string, `${type}/${id}`);
          plans.push({ type, id, status });
          continue;
        }
      } else {
        throw new HttpFailure(400, outcome('not-supported', `${request.method} ${request.url}`));
      }
      if (e.fullUrl) ids.set(e.fullUrl as string, `${type}/${id}`);
      const prev = view(type).get(id);
      view(type).set(id, { resource: { ...resource, id }, version: (prev?.version ?? 0) + 1 });
      plans.push({ type, id, status });
    }
    for (const [type, t] of staged) {
      for (const [id, s] of t) {
        const resolved = { ...s, resource: resolveRefs(s.resource, ids) as Json };
        t.set(id, resolved);
        if (table(type).get(id)?.version !== s.version) {
          const list = versions.get(type) ?? [];
          list.push(structuredClone(resolved.resource));
          versions.set(type, list);
        }
      }
      store.set(type, t);
    }
    return {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: plans.map((p) => ({
        response: {
          status: p.status,
          location: `${p.type}/${p.id}/_history/${table(p.type).get(p.id)!.version}`,
        },
      })),
    };
  }

  function handle(method: string, url: URL, body: string): { status: number; json: Json } {
    // Served under /fhir, like most servers' base URL, so that joining paths is tested too.
    const parts = url.pathname
      .replace(/^\/fhir(?=\/|$)/, '')
      .split('/')
      .filter(Boolean);
    if (method === 'GET' && parts[0] === 'metadata') {
      return {
        status: 200,
        json: {
          resourceType: 'CapabilityStatement',
          status: 'active',
          fhirVersion: '4.0.1',
          kind: 'instance',
        },
      };
    }
    if (method === 'POST' && parts.length === 0) {
      let parsed: Json;
      try {
        parsed = JSON.parse(body) as Json;
      } catch {
        throw new HttpFailure(400, outcome('structure', 'body is not JSON'));
      }
      return { status: 200, json: transaction(parsed) };
    }
    if (method === 'GET' && parts.length === 1) {
      const found = search(parts[0]!, url.searchParams);
      return {
        status: 200,
        json: {
          resourceType: 'Bundle',
          type: 'searchset',
          total: found.length,
          entry: found.map((s) => ({ resource: s.resource })),
        },
      };
    }
    if (method === 'GET' && parts.length === 2) {
      const s = table(parts[0]!).get(parts[1]!);
      if (!s) throw new HttpFailure(404, outcome('not-found', `${parts[0]}/${parts[1]}`));
      return { status: 200, json: s.resource };
    }
    throw new HttpFailure(404, outcome('not-supported', `${method} ${url.pathname}`));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      received.push({
        method: req.method ?? '',
        url: url.pathname + url.search,
        authorization: req.headers.authorization,
      });
      if (gate && req.method === 'POST') {
        const g = gate;
        g.arrived();
        void g.released.then(() => answer());
        return;
      }
      answer();
    });
    function answer(): void {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, json: Json): void => {
        res.writeHead(status, { 'content-type': 'application/fhir+json; charset=utf-8' });
        res.end(JSON.stringify(json));
      };
      if (fault === 'hang') {
        hanging.add(res);
        return;
      }
      if (fault !== 'ok') {
        const code = Number(fault);
        const texts: Record<number, [string, string]> = {
          500: ['exception', 'Lỗi máy chủ HIS (thử nghiệm) / HIS server error (test)'],
          409: ['conflict', 'Xung đột phiên bản (thử nghiệm) / Version conflict (test)'],
          422: [
            'processing',
            'Thiếu mã khoa trong danh mục HIS (thử nghiệm) / Department code unknown to the HIS (test)',
          ],
        };
        const [c, text] = texts[code]!;
        send(code, outcome(c, text));
        return;
      }
      if (requiredAuth !== null && req.headers.authorization !== requiredAuth) {
        send(401, outcome('login', 'authorization required'));
        return;
      }
      try {
        const r = handle(req.method ?? 'GET', url, Buffer.concat(chunks).toString('utf8'));
        send(r.status, r.json);
      } catch (err) {
        if (err instanceof HttpFailure) send(err.status, err.outcome);
        else send(500, outcome('exception', String(err)));
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/fhir`,
    setFault: (mode) => {
      fault = mode;
    },
    requireAuthorization: (value) => {
      requiredAuth = value;
    },
    all: (type) => [...table(type).values()].map((s) => s.resource),
    history: (type) => [...(versions.get(type) ?? [])],
    hold: () => {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedP = new Promise<void>((r) => (arrived = r));
      const released = new Promise<void>((r) => (release = r));
      gate = { arrived, released };
      return {
        arrived: arrivedP,
        release: () => {
          gate = null;
          release();
        },
      };
    },
    seed: (resource) => {
      validate(resource);
      const id = (resource.id as string | undefined) ?? String(nextId++);
      const stored = { ...resource, id };
      table(resource.resourceType as string).set(id, { resource: stored, version: 1 });
      return stored;
    },
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
