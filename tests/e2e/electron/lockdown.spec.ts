/**
 * The kiosk lockdown in the real Electron app (skipped where no Electron binary exists; the
 * decisions themselves are unit tested in tests/unit/electron/lockdown.test.ts).
 */
import { expect, test } from '@playwright/test';
import { launchApp, skipWithoutElectron } from '../support/electron';

test.describe('kiosk lockdown in Electron', () => {
  test.beforeEach(() => skipWithoutElectron());

  test('a kiosk has no application menu, no DevTools, and stays on its page', async () => {
    const { app } = await launchApp({ version: 1, station: { mode: 'kiosk' } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('kiosk-idle')).toBeVisible();
      const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu());
      expect(menu).toBeNull();
      const devTools = await app.evaluate(({ BrowserWindow }) => {
        const win = BrowserWindow.getAllWindows()[0]!;
        win.webContents.openDevTools();
        return win.webContents.isDevToolsOpened();
      });
      expect(devTools).toBe(false);
      const before = page.url();
      await page.evaluate(() => {
        window.open('https://example.com/', '_blank');
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  test('a staff refusal crosses IPC: the kiosk window cannot list visits', async () => {
    const { app } = await launchApp({ version: 1, station: { mode: 'kiosk' } });
    try {
      const page = await app.firstWindow();
      const result = await page.evaluate(async () => {
        const k = (
          window as unknown as { kiosk: { request(n: string, i: unknown): Promise<unknown> } }
        ).kiosk;
        return k.request('visits.list', {});
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'API_NOT_FOR_STATION' } });
    } finally {
      await app.close();
    }
  });
});
