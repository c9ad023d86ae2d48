/**
 * The web host: the same API handler table as Electron's IPC, over HTTP (requests) and
 * server-sent events (events), plus the built renderer. It lets the unchanged renderer run in a
 * plain browser. Loopback only, one secret per start, same-origin only (see request-guard.ts).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiHandlers, EventName } from '../../shared/api-contract';
import type { StationMode } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import { dispatchRequest } from '../api/dispatch';
import type { EventHub } from '../api/event-hub';
import { eventForStation } from '../api/station-guard';
import type { Logger } from '../logging/logger';
import { guardApiRequest, checkHost } from './request-guard';
import { readStatic } from './static-files';

export interface WebHostOptions {
  handlers: ApiHandlers;
  /** The station mode this host serves: decides which requests and events its pages get. */
  mode: StationMode;
  events: EventHub;
  /** The built renderer (out/renderer). */
  staticDir: string;
  logger: Logger;
  /** 0 = any free port. */
  port?: number;
  /** Fixed secret for tests; a fresh random one otherwise. */
  secret?: string;
  heartbeatMs?: number;
}

export interface WebHost {
  /** Open this: it carries the secret in the fragment, which browsers never send to a server. */
  url: string;
  origin: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;

const PAGE_HEADERS = {
  'content-security-policy':
    // 'wasm-unsafe-eval': the face check's TensorFlow.js compiles its own WebAssembly (served
    // by us); it allows WebAssembly compilation only, not eval() or inline script.
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; media-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...PAGE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, reason: string): void {
  sendJson(res, status, {
    ok: false,
    error: kioskError('API_FORBIDDEN', 'Không được phép', 'Forbidden', {
      detail: reason,
    }).toShape(),
  });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const logger = options.logger.child({ svc: 'web-host' });
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      logger.error('web host request failed', { error: String(err) });
      if (!res.headersSent) sendJson(res, 500, { ok: false });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      const verdict = guardApiRequest(req.headers, { port, secret });
      if (!verdict.ok) {
        logger.warn('api request refused', { reason: verdict.reason });
        refuse(res, verdict.status, verdict.reason);
        return;
      }
      if (url === '/api/events' && req.method === 'GET') return openStream(req, res);
      const match = /^\/api\/request\/([a-zA-Z.]+)$/.exec(url);
      if (match && req.method === 'POST') {
        // A JSON content type forces a CORS preflight on any cross-origin attempt, which we
        // never approve; form posts from other pages are refused here as well.
        if (!req.headers['content-type']?.startsWith('application/json')) {
          refuse(res, 415, 'content-type');
          return;
        }
        let input: unknown;
        try {
          const text = await readBody(req);
          input = text ? JSON.parse(text) : null;
        } catch {
          sendJson(res, 400, {
            ok: false,
            error: kioskError(
              'API_BAD_INPUT',
              'Dữ liệu không hợp lệ',
              'Malformed request body',
            ).toShape(),
          });
          return;
        }
        sendJson(
          res,
          200,
          await dispatchRequest(options.handlers, match[1], input, {
            mode: options.mode,
            logger,
          }),
        );
        return;
      }
      refuse(res, 404, 'no such endpoint');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (!checkHost(req.headers, port).ok) {
      res.writeHead(400).end();
      return;
    }
    const file = await readStatic(staticRoot, url);
    if (!file) {
      res.writeHead(404, PAGE_HEADERS).end();
      return;
    }
    res.writeHead(200, { ...PAGE_HEADERS, 'content-type': file.type, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function openStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    // A late page still learns the current reader, gateway and check-in state.
    // Only the events this station mode may see (a kiosk never hears the staff's re-check queue).
    const send = (name: EventName, payload: unknown): void => {
      if (eventForStation(name, options.mode)) {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }
    };
    for (const [name, payload] of options.events.snapshot()) send(name, payload);
    const unsubscribe = options.events.subscribe(send);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs ?? 15000);
    streams.add(res);
    const done = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', done);
    res.on('error', done);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  logger.info('web host listening', { port });

  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
