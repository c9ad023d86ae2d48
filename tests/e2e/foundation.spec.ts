import { expect, test } from '@playwright/test';
import { startTestHost, type TestHost } from './support/web-host';

/**
 * The foundation's promise: the unchanged renderer runs in a plain browser against the web host,
 * renders the idle screen, and receives events pushed by main.
 */
test.describe('renderer over the web host', () => {
  let host: TestHost;
  test.beforeEach(async () => {
    host = await startTestHost();
  });
  test.afterEach(async () => host.close());

  test('renders the kiosk idle screen and follows pushed check-in state', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    // The secret leaves the address bar once read.
    expect(page.url()).not.toContain('secret=');
    // A real change in main (a card placed on the simulated reader) reaches the page as an event.
    await host.services.handlers['sim.insertCard']({ index: 1 });
    await expect(page.getByTestId('kiosk-screen')).toHaveAttribute('data-step', 'need-key');
    await host.services.handlers['sim.removeCard'](null);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  });

  test('the desk screen shows the lookup service state pushed by main', async ({ page }) => {
    await page.goto(host.deskUrl);
    await expect(page.getByTestId('desk-screen')).toBeVisible();
    // Once the page has loaded the current state, a pushed change is the last word.
    await expect(page.getByTestId('gateway-status')).toHaveAttribute('data-state', 'online');
    host.services.events.emit('gateway.changed', {
      state: 'offline',
      circuit: 'open',
      lastSuccessAt: null,
      lastFailure: null,
      simulated: true,
    });
    await expect(page.getByTestId('gateway-status')).toHaveAttribute('data-state', 'offline');
  });

  test('a page without the secret cannot reach the API', async ({ page }) => {
    await page.goto(host.origin);
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/request/app.info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'null',
      });
      return res.status;
    });
    expect(status).toBe(403);
  });

  test('another origin cannot drive a check-in even knowing the URL', async ({ page }) => {
    // A page served from a different origin (another port on the same machine).
    const other = await import('node:http').then(
      (http) =>
        new Promise<{ url: string; close: () => void }>((resolve) => {
          const server = http.createServer((_req, res) => {
            res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>other</p>');
          });
          server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
          });
        }),
    );
    try {
      await page.goto(other.url);
      const result = await page.evaluate(
        async ({ origin, secret }) => {
          try {
            const res = await fetch(`${origin}/api/request/checkin.reset`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-kiosk-secret': secret },
              body: 'null',
            });
            return `status ${res.status}`;
          } catch {
            return 'blocked';
          }
        },
        { origin: host.origin, secret: host.secret },
      );
      // Either the browser blocks it (no CORS approval) or the host refuses it: never 200.
      expect(result === 'blocked' || result === 'status 403').toBe(true);
    } finally {
      other.close();
    }
  });
});
