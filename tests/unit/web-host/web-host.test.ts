import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../../src/main/api/event-hub';
import { nullLogger } from '../../../src/main/logging/logger';
import { startWebHost, type WebHost } from '../../../src/main/web-host/server';
import { readEvents } from '../../../src/renderer/src/api/http-transport';
import { fakeHandlers } from '../api/fake-handlers';

/** Raw HTTP so that tests control Host/Origin headers exactly (fetch forbids setting Host). */
function raw(
  host: WebHost,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('web host', () => {
  let host: WebHost;
  const events = new EventHub();
  const calls: { name: string; input: unknown }[] = [];
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-static-'));
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), 'do not serve');
    host = await startWebHost({
      handlers: fakeHandlers(calls),
      mode: 'desk',
      events,
      staticDir,
      logger: nullLogger,
      heartbeatMs: 50,
    });
  });
  afterAll(async () => host.close());

  const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(host, {
      method: 'POST',
      path: `/api/request/${name}`,
      headers: { 'content-type': 'application/json', 'x-kiosk-secret': host.secret, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on loopback only and puts the secret in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#secret=${host.secret}`);
    expect(host.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a request with the handler value', async () => {
    const res = await api('app.info', null);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: 'app.info' } });
  });

  it('returns typed errors from handlers', async () => {
    const res = await api('checkin.retry', null);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN_NOTHING_TO_RETRY', message: { en: 'Nothing to retry' } },
    });
  });

  it('validates input before a handler sees it', async () => {
    const before = calls.length;
    const res = await api('checkin.provideKey', {
      kind: 'id-dob',
      idNumber: '123',
      dateOfBirth: 'x',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'API_BAD_INPUT' } });
    expect(calls.length).toBe(before);
  });

  it('refuses a request without the secret or with a wrong one', async () => {
    expect((await api('app.info', null, { 'x-kiosk-secret': '' })).status).toBe(403);
    expect((await api('app.info', null, { 'x-kiosk-secret': `${host.secret}x` })).status).toBe(403);
  });

  it('refuses another origin even with the secret', async () => {
    const res = await api('app.info', null, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const site = await api('app.info', null, { 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
    const own = await api('app.info', null, {
      origin: host.origin,
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw(host, { path: '/', headers: { host: `evil.example:${host.port}` } });
    expect(res.status).toBe(400);
    const apiRes = await api('app.info', null, { host: 'evil.example' });
    expect(apiRes.status).toBe(400);
  });

  it('refuses form posts and unknown request names', async () => {
    const form = await raw(host, {
      method: 'POST',
      path: '/api/request/app.info',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-kiosk-secret': host.secret,
      },
      body: 'a=b',
    });
    expect(form.status).toBe(415);
    const unknown = await api('app.nope', null);
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'API_UNKNOWN_REQUEST' },
    });
  });

  it('answers malformed JSON with a typed error', async () => {
    const res = await raw(host, {
      method: 'POST',
      path: '/api/request/app.info',
      headers: { 'content-type': 'application/json', 'x-kiosk-secret': host.secret },
      body: '{"broken',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'API_BAD_INPUT' } });
  });

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const page = await raw(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    for (const p of [
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/assets/..%2f..%2foutside-secret.txt',
    ]) {
      const res = await raw(host, { path: p });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('does not follow a symbolic link out of its folder (a file or a folder link)', async () => {
    const outside = path.join(path.dirname(staticDir), 'outside-secret.txt');
    symlinkSync(outside, path.join(staticDir, 'assets', 'linked.txt'));
    symlinkSync(path.dirname(staticDir), path.join(staticDir, 'up'));
    writeFileSync(path.join(staticDir, 'assets', 'own.css'), 'body{}');
    symlinkSync(path.join(staticDir, 'assets', 'own.css'), path.join(staticDir, 'inside.css'));
    for (const p of ['/assets/linked.txt', `/up/${path.basename(outside)}`]) {
      const res = await raw(host, { path: p });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
    // A link that stays inside the folder is still served.
    expect((await raw(host, { path: '/inside.css' })).status).toBe(200);
  });

  it('pushes events over the stream, replaying the latest on connect', async () => {
    events.emit('gateway.changed', {
      state: 'online',
      circuit: 'closed',
      lastSuccessAt: null,
      lastFailure: null,
      simulated: true,
    });
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/api/events`, {
      headers: { 'x-kiosk-secret': host.secret },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const received: { name: string; data: unknown }[] = [];
    const reading = readEvents(response.body!, (name, data) => {
      received.push({ name, data: JSON.parse(data) });
      if (received.length === 2) controller.abort();
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    events.emit('visits.changed', { date: '2026-11-23' });
    await reading;
    expect(received[0]).toMatchObject({ name: 'gateway.changed', data: { state: 'online' } });
    expect(received[1]).toEqual({ name: 'visits.changed', data: { date: '2026-11-23' } });
  });

  it('refuses the event stream without the secret', async () => {
    const res = await raw(host, { path: '/api/events' });
    expect(res.status).toBe(403);
  });
});
