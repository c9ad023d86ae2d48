/**
 * An HTTP server speaking the BHXH gateway's contract (token, 2018 and 2024 card checks, the
 * 2025 history) over
 * node:http, seeded from the simulated identity catalog, with switches that make it misbehave
 * the ways the real one does (slow, down, 5xx, 401, malformed answers, HTML pages, dropped
 * connections). The default lookup service on a fresh machine; tests and the benchmark use it.
 *
 * Admin endpoint (for the developer panel and scripts; loopback only by default):
 *   POST /__sim/mode {"mode": "..."}   POST /__sim/expire-tokens   GET /__sim/state
 *   GET /__sim/received (the officer fields and encodings each call carried)
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimGatewayMode } from '../../shared/domain';
import { nullLogger, type Logger } from '../../main/logging/logger';
import type { SimulatedGatewayControl } from '../../main/services-contract';
import { hospitalDay, VIETNAM_TIME_ZONE } from '../../shared/hospital-day';
import { CHECK_PATHS, HISTORY_PATH, TOKEN_PATH } from '../../main/insurance/wire';
import { SIM_GATEWAY_PASSWORD, SIM_GATEWAY_USERNAME } from './sim-credentials';
import { simAnswer, simHistory, type SimEndpoint, type SimOfficer } from './sim-records';

/** The three calls of the gateway, each of which may be told to refuse one body encoding. */
export type SimCall = 'token' | 'check' | 'history';
export type SimEncoding = 'form' | 'json';

/** What the simulator received on a call: the officer fields and the encoding, nothing else. */
export interface SimReceived {
  call: SimCall;
  encoding: SimEncoding;
  hoTenCb: string | null;
  cccdCb: string | null;
}

/** The UI's modes plus the bad answers the tests need. */
export type SimGatewayTestMode =
  | SimGatewayMode
  /** 200 with an HTML error page (a proxy or IIS page). */
  | 'html'
  /** Headers and half the answer, then the connection is cut. */
  | 'drop'
  /** A complete HTTP answer whose JSON is cut in half. */
  | 'truncated'
  /** 200 with an empty body. */
  | 'empty'
  /** JSON without maKetQua. */
  | 'missing-fields'
  /** 000 without the card number and validity. */
  | 'valid-without-card'
  /** A correct answer with extra fields nobody asked for (must be tolerated). */
  | 'extra-fields'
  /** Fields of the wrong type (an object where a date belongs). */
  | 'wrong-types'
  /** Logins succeed, every card check says 401. */
  | 'unauthorized-check'
  /** Card checks answer 101 (server error) inside a 200. */
  | 'busy';

export const SIM_GATEWAY_MODES: readonly SimGatewayTestMode[] = [
  'normal',
  'slow',
  'down',
  'error-5xx',
  'unauthorized',
  'malformed',
  'html',
  'drop',
  'truncated',
  'empty',
  'missing-fields',
  'valid-without-card',
  'extra-fields',
  'wrong-types',
  'unauthorized-check',
  'busy',
];

export interface SimGatewayOptions {
  host?: string;
  port?: number;
  logger?: Logger;
  now?: () => Date;
  mode?: SimGatewayTestMode;
  /** Delay of every answer in 'slow' mode. Default 20 s (5-30 s is common on the real one). */
  slowMs?: number;
  /** Token lifetime. Default 30 min. */
  tokenTtlMs?: number;
  /** How `expires_in` is written: an ISO time like .NET writes it (default), seconds, or absent. */
  expiresIn?: 'time' | 'seconds' | 'none';
  /** HTTP status in 'error-5xx' mode. Default 503. */
  errorStatus?: number;
  /**
   * Encodings each call refuses (as the real Lskcb2025 refused JSON, reference §2): a refused
   * token request sees no credentials, a refused check or history answers 205.
   */
  refuse?: Partial<Record<SimCall, SimEncoding>>;
  /** The facility's registered officers (054/055); null: any well-formed officer is accepted. */
  officers?: readonly SimOfficer[] | null;
}

export interface SimGatewayStats {
  /** Requests received on each path, whatever the mode made of them. */
  tokenRequests: number;
  checkRequests: number;
  historyRequests: number;
  /** TCP connections accepted (a client reusing keep-alive sockets opens few). */
  connections: number;
}

export interface SimGatewayHandle extends SimulatedGatewayControl {
  username: string;
  password: string;
  setMode(mode: SimGatewayTestMode): void;
  mode(): SimGatewayTestMode;
  setSlowMs(ms: number): void;
  setErrorStatus(status: number): void;
  /** Every issued token stops working (the next check gets 401). */
  expireTokens(): void;
  stats(): SimGatewayStats;
  resetStats(): void;
  /** Every token handed out so far (tests check none reaches a log line). */
  issuedTokens(): string[];
  /** Make one call refuse one encoding (null: accept both). */
  refuseEncoding(call: SimCall, encoding: SimEncoding | null): void;
  /** The officer fields and encodings received, oldest first. */
  received(): SimReceived[];
}

const MAX_BODY = 64 * 1024;

const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>Runtime Error</title></head>
<body><h1>Server Error in '/' Application.</h1><p>Lỗi máy chủ (mô phỏng).</p></body></html>`;

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function encodingOf(contentType: string): SimEncoding {
  return /json/i.test(contentType) ? 'json' : 'form';
}

function parseBody(text: string, contentType: string): Record<string, unknown> | null {
  if (encodingOf(contentType) === 'json') {
    try {
      const v = JSON.parse(text) as unknown;
      return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=utf-8',
): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startSimulatedGateway(
  options: SimGatewayOptions = {},
): Promise<SimGatewayHandle> {
  const log = (options.logger ?? nullLogger).child({ svc: 'sim-gateway' });
  const now = options.now ?? (() => new Date());
  const tokenTtlMs = options.tokenTtlMs ?? 30 * 60_000;
  const expiresIn = options.expiresIn ?? 'time';
  let mode: SimGatewayTestMode = options.mode ?? 'normal';
  let slowMs = options.slowMs ?? 20_000;
  let errorStatus = options.errorStatus ?? 503;
  const tokens = new Map<string, { idToken: string; expiresAt: number }>();
  const issued: string[] = [];
  const stats: SimGatewayStats = {
    tokenRequests: 0,
    checkRequests: 0,
    historyRequests: 0,
    connections: 0,
  };
  const refuse: Partial<Record<SimCall, SimEncoding>> = { ...options.refuse };
  const officers = options.officers ?? null;
  const received: SimReceived[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const passwordMd5 = md5(SIM_GATEWAY_PASSWORD);

  const credentialsOk = (username: unknown, password: unknown): boolean =>
    username === SIM_GATEWAY_USERNAME &&
    typeof password === 'string' &&
    password.toLowerCase() === passwordMd5;

  function delay(res: http.ServerResponse): Promise<boolean> {
    if (mode !== 'slow') return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve(!res.destroyed);
      }, slowMs);
      timers.add(t);
    });
  }

  /** The switches every gateway path obeys; true when the request was dealt with. */
  function outage(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (mode === 'down') {
      req.socket.destroy();
      return true;
    }
    if (mode === 'error-5xx') {
      send(res, errorStatus, HTML_PAGE, 'text/html; charset=utf-8');
      return true;
    }
    if (mode === 'unauthorized') {
      send(res, 401, JSON.stringify({ maKetQua: '401', ghiChu: 'Không có quyền truy cập.' }));
      return true;
    }
    return false;
  }

  function token(res: http.ServerResponse, body: Record<string, unknown> | null): void {
    if (!body || !credentialsOk(body.username, body.password)) {
      send(res, 200, JSON.stringify({ maKetQua: '401', APIKey: null }));
      return;
    }
    const accessToken = randomBytes(24).toString('hex');
    const idToken = randomBytes(24).toString('hex');
    const expiresAt = now().getTime() + tokenTtlMs;
    tokens.set(accessToken, { idToken, expiresAt });
    issued.push(accessToken, idToken);
    const expires =
      expiresIn === 'time'
        ? new Date(expiresAt).toISOString().replace('Z', '0000Z')
        : expiresIn === 'seconds'
          ? Math.round(tokenTtlMs / 1000)
          : null;
    send(
      res,
      200,
      JSON.stringify({
        maKetQua: '200',
        APIKey: {
          access_token: accessToken,
          id_token: idToken,
          token_type: 'Bearer',
          username: SIM_GATEWAY_USERNAME,
          expires_in: expires,
        },
      }),
    );
  }

  function authorized(q: URLSearchParams): boolean {
    const t = tokens.get(q.get('token') ?? '');
    if (!t || t.idToken !== q.get('id_token') || t.expiresAt <= now().getTime()) return false;
    return credentialsOk(q.get('username'), q.get('password'));
  }

  /** The body as the gateway reads it: in the encoding it accepts on this call, or nothing. */
  function readAs(
    call: SimCall,
    text: string,
    contentType: string,
  ): Record<string, unknown> | null {
    const encoding = encodingOf(contentType);
    const body = refuse[call] === encoding ? null : parseBody(text, contentType);
    received.push({
      call,
      encoding,
      hoTenCb: typeof body?.hoTenCb === 'string' ? body.hoTenCb : null,
      cccdCb: typeof body?.cccdCb === 'string' ? body.cccdCb : null,
    });
    return body;
  }

  function refusedFormat(res: http.ServerResponse): void {
    send(res, 200, JSON.stringify({ maKetQua: '205', ghiChu: 'Lỗi sai định dạng tham số.' }));
  }

  function unauthorizedCheck(res: http.ServerResponse): void {
    send(
      res,
      401,
      JSON.stringify({ maKetQua: '401', ghiChu: 'Token không hợp lệ hoặc đã hết hạn.' }),
    );
  }

  function historyCall(
    res: http.ServerResponse,
    q: URLSearchParams,
    text: string,
    contentType: string,
  ): void {
    if (mode === 'unauthorized-check' || !authorized(q)) return unauthorizedCheck(res);
    const body = readAs('history', text, contentType);
    if (!body) return refusedFormat(res);
    send(
      res,
      200,
      JSON.stringify(simHistory(body, hospitalDay(now(), VIETNAM_TIME_ZONE), officers)),
    );
  }

  function check(
    res: http.ServerResponse,
    q: URLSearchParams,
    text: string,
    endpoint: SimEndpoint,
    contentType: string,
  ): void {
    if (mode === 'unauthorized-check' || !authorized(q)) return unauthorizedCheck(res);
    const body = readAs('check', text, contentType);
    if (!body) return refusedFormat(res);
    const answer: Record<string, unknown> = simAnswer(
      body,
      endpoint,
      hospitalDay(now(), VIETNAM_TIME_ZONE),
      officers,
    );
    const json = JSON.stringify(answer);
    switch (mode) {
      case 'malformed':
        return send(res, 200, `{"maKetQua":"000","ghiChu":Thẻ còn giá trị,, "maThe":`);
      case 'html':
        return send(res, 200, HTML_PAGE, 'text/html; charset=utf-8');
      case 'truncated':
        return send(res, 200, json.slice(0, Math.floor(json.length / 2)));
      case 'empty':
        return send(res, 200, '');
      case 'missing-fields': {
        const { maKetQua: _drop, ...rest } = answer;
        return send(res, 200, JSON.stringify(rest));
      }
      case 'valid-without-card':
        return send(
          res,
          200,
          JSON.stringify({ ...answer, maKetQua: '000', maThe: null, gtTheDen: null }),
        );
      case 'extra-fields':
        return send(
          res,
          200,
          JSON.stringify({
            ...answer,
            phienBan: '2.1',
            thongTinThem: { a: [1, 2] },
            maKetQuaCu: 7,
          }),
        );
      case 'wrong-types':
        return send(res, 200, JSON.stringify({ ...answer, gtTheDen: { ngay: 31 } }));
      case 'busy':
        return send(
          res,
          200,
          JSON.stringify({ ...answer, maKetQua: '101', ghiChu: 'Lỗi máy chủ.' }),
        );
      case 'drop': {
        const bytes = Buffer.from(json);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        setImmediate(() => res.socket?.destroy());
        return;
      }
      default:
        return send(res, 200, json);
    }
  }

  function admin(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    text: string,
  ): void {
    if (req.method === 'GET' && path === '/__sim/state') {
      return send(res, 200, JSON.stringify({ mode, slowMs, errorStatus, stats, refuse }));
    }
    if (req.method === 'GET' && path === '/__sim/received') {
      return send(res, 200, JSON.stringify(received));
    }
    if (req.method === 'POST' && path === '/__sim/expire-tokens') {
      control.expireTokens();
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    if (req.method === 'POST' && path === '/__sim/mode') {
      const body = parseBody(text, 'application/json');
      const m = body?.mode;
      if (typeof m !== 'string' || !SIM_GATEWAY_MODES.includes(m as SimGatewayTestMode)) {
        return send(
          res,
          400,
          JSON.stringify({ error: `mode: one of ${SIM_GATEWAY_MODES.join(', ')}` }),
        );
      }
      control.setMode(m as SimGatewayTestMode);
      if (typeof body?.slowMs === 'number') control.setSlowMs(body.slowMs);
      return send(res, 200, JSON.stringify({ mode }));
    }
    send(res, 404, JSON.stringify({ error: 'not found' }));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    const text = await readBody(req);
    if (text === null) return send(res, 413, JSON.stringify({ error: 'body too large' }));
    if (path.startsWith('/__sim/')) return admin(req, res, path, text);
    const endpoint = (Object.keys(CHECK_PATHS) as SimEndpoint[]).find(
      (k) => CHECK_PATHS[k] === path,
    );
    if (path !== TOKEN_PATH && path !== HISTORY_PATH && !endpoint)
      return send(res, 404, HTML_PAGE, 'text/html; charset=utf-8');
    if (req.method !== 'POST') return send(res, 405, HTML_PAGE, 'text/html; charset=utf-8');
    if (path === TOKEN_PATH) stats.tokenRequests++;
    else if (path === HISTORY_PATH) stats.historyRequests++;
    else stats.checkRequests++;
    if (outage(req, res)) return;
    if (!(await delay(res))) return;
    if (outage(req, res)) return; // the mode may have changed while the answer was slow
    const contentType = String(req.headers['content-type'] ?? '');
    if (path === TOKEN_PATH) return token(res, readAs('token', text, contentType));
    if (path === HISTORY_PATH) return historyCall(res, url.searchParams, text, contentType);
    check(res, url.searchParams, text, endpoint!, contentType);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        send(res, 500, JSON.stringify({ maKetQua: '500', ghiChu: 'Lỗi máy chủ.' }));
      else res.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${host}:${addr.port}`;
  log.info('simulated gateway listening', { port: addr.port, mode });

  const control: SimGatewayHandle = {
    url,
    username: SIM_GATEWAY_USERNAME,
    password: SIM_GATEWAY_PASSWORD,
    setMode(m) {
      if (!SIM_GATEWAY_MODES.includes(m))
        throw new RangeError(`unknown simulator mode ${String(m)}`);
      if (m !== mode) log.info('simulated gateway mode', { mode: m });
      mode = m;
    },
    mode: () => mode,
    setSlowMs(ms) {
      slowMs = Math.max(0, Math.min(600_000, ms));
    },
    setErrorStatus(status) {
      errorStatus = status;
    },
    expireTokens() {
      tokens.clear();
    },
    stats: () => ({ ...stats }),
    issuedTokens: () => [...issued],
    refuseEncoding(call, encoding) {
      if (encoding) refuse[call] = encoding;
      else delete refuse[call];
    },
    received: () => received.map((r) => ({ ...r })),
    resetStats() {
      stats.tokenRequests = 0;
      stats.checkRequests = 0;
      stats.historyRequests = 0;
      stats.connections = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
  return control;
}
