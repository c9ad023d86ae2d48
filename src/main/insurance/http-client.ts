/**
 * One POST with a deadline over node:http(s), on a kept-alive connection pool owned by the
 * client (so closing the service closes its sockets, and the benchmark measures our own reuse).
 * Failures come out as TransportError with a kind that says whether the request can have
 * reached the service: only 'connect' failures happened before any answer began.
 */
import http from 'node:http';
import https from 'node:https';

/** Bigger than any real card-check answer (a few KB) by far; more means something is wrong. */
const MAX_BODY_BYTES = 2_000_000;

export type TransportFailure = 'timeout' | 'connect' | 'dropped' | 'aborted' | 'too-large';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailure,
    /** errno-style code (ECONNREFUSED, ECONNRESET, ...) when there is one */
    readonly errno?: string,
  ) {
    super(`transport ${kind}${errno ? ` ${errno}` : ''}`);
    this.name = 'TransportError';
  }
}

export interface HttpRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpClient {
  post(req: HttpRequest): Promise<HttpResponse>;
  /** Connections opened so far (a reused keep-alive socket does not count). */
  connectionsOpened(): number;
  close(): void;
}

export function createHttpClient(opts: { maxSockets: number }): HttpClient {
  const agentOptions = {
    keepAlive: true,
    maxSockets: opts.maxSockets,
    maxFreeSockets: opts.maxSockets,
    scheduling: 'lifo' as const,
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  let opened = 0;

  function post(r: HttpRequest): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      const isHttps = r.url.protocol === 'https:';
      const mod = isHttps ? https : http;
      let settled = false;
      let answering = false;

      const req = mod.request(r.url, {
        method: 'POST',
        agent: isHttps ? agents.https : agents.http,
        headers: { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) },
      });

      const finish = (err: TransportError | null, value?: HttpResponse): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        r.signal?.removeEventListener('abort', onAbort);
        if (err) {
          req.destroy();
          reject(err);
        } else {
          resolve(value!);
        }
      };
      const timer = setTimeout(() => finish(new TransportError('timeout')), r.timeoutMs);
      const onAbort = (): void => finish(new TransportError('aborted'));
      if (r.signal?.aborted) return finish(new TransportError('aborted'));
      r.signal?.addEventListener('abort', onAbort, { once: true });

      req.on('socket', () => {
        if (!req.reusedSocket) opened++;
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        finish(new TransportError(answering ? 'dropped' : 'connect', err.code));
      });
      req.on('response', (res) => {
        answering = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) finish(new TransportError('too-large'));
          else chunks.push(chunk);
        });
        res.on('error', (err: NodeJS.ErrnoException) =>
          finish(new TransportError('dropped', err.code)),
        );
        res.on('close', () => {
          if (!res.complete) finish(new TransportError('dropped'));
        });
        res.on('end', () => {
          if (!res.complete) return finish(new TransportError('dropped'));
          finish(null, {
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      });
      req.end(r.body);
    });
  }

  return {
    post,
    connectionsOpened: () => opened,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
