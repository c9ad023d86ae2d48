import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../../src/main/api/event-hub';
import { nullLogger } from '../../../src/main/logging/logger';
import { startWebHost, type WebHost } from '../../../src/main/web-host/server';
import { ApiError } from '../../../src/renderer/src/api/api-error';
import { createHttpApi } from '../../../src/renderer/src/api/http-transport';
import { fakeHandlers } from '../api/fake-handlers';

describe('renderer HTTP transport against the web host', () => {
  let host: WebHost;
  const events = new EventHub();

  beforeAll(async () => {
    const staticDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-static-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    host = await startWebHost({
      handlers: fakeHandlers(),
      mode: 'desk',
      events,
      staticDir,
      logger: nullLogger,
    });
  });
  afterAll(async () => host.close());

  it('resolves with the value and rejects with the typed error', async () => {
    const api = createHttpApi(host.secret, host.origin);
    await expect(api.request('readers.list', null)).resolves.toEqual({ echo: 'readers.list' });
    const failure = await api.request('checkin.retry', null).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('CHECKIN_NOTHING_TO_RETRY');
  });

  it('a wrong secret is refused as a typed error, not a crash', async () => {
    const api = createHttpApi('wrong', host.origin);
    const failure = await api.request('app.info', null).catch((e: unknown) => e);
    expect((failure as ApiError).code).toBe('API_FORBIDDEN');
  });

  it('a dead host gives APP_DISCONNECTED', async () => {
    const api = createHttpApi('x', 'http://127.0.0.1:1');
    const failure = await api.request('app.info', null).catch((e: unknown) => e);
    expect((failure as ApiError).code).toBe('APP_DISCONNECTED');
  });

  it('delivers pushed events to listeners', async () => {
    const api = createHttpApi(host.secret, host.origin);
    const got = new Promise<unknown>((resolve) => api.on('visits.changed', resolve));
    // Wait until the stream is subscribed before emitting.
    for (let i = 0; i < 50 && events.listenerCount === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    events.emit('visits.changed', { date: '2026-11-23' });
    await expect(got).resolves.toEqual({ date: '2026-11-23' });
  });
});
