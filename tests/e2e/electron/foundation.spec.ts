import { expect, test } from '@playwright/test';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron } from '@playwright/test';
import { electronBinary, launchApp, skipWithoutElectron } from '../support/electron';

test.describe('Electron app', () => {
  test.beforeEach(() => skipWithoutElectron());

  test('opens a locked-down window that shows the idle screen', async () => {
    const { app } = await launchApp();
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('kiosk-idle')).toBeVisible();
      const exposed = await page.evaluate(() => ({
        bridge: typeof (window as unknown as { kiosk?: { transport?: string } }).kiosk?.transport,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ bridge: 'string', require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
    }
  });

  test('answers API requests through IPC and pushes events', async () => {
    const { app } = await launchApp();
    try {
      const page = await app.firstWindow();
      const info = await page.evaluate(async () => {
        const k = (
          window as unknown as { kiosk: { request(n: string, i: unknown): Promise<unknown> } }
        ).kiosk;
        return k.request('app.info', null);
      });
      expect(info).toMatchObject({
        ok: true,
        value: { simulated: { reader: true, gateway: true } },
      });
      const event = await page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const k = (
              window as unknown as {
                kiosk: {
                  on(n: string, l: (p: unknown) => void): void;
                  request(n: string, i: unknown): Promise<unknown>;
                };
              }
            ).kiosk;
            k.on('readers.changed', resolve);
            void k.request('sim.insertCard', { index: 1 });
          }),
      );
      expect(JSON.stringify(event)).toContain('card-present');
    } finally {
      await app.close();
    }
  });

  test('refuses to start on a bad configuration file, naming the field', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-bad-'));
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ station: { id: '!!' } }));
    const app = await _electron.launch({
      executablePath: electronBinary() ?? undefined,
      args: [path.resolve('out/main/index.js'), '--no-sandbox'],
      env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_NO_DIALOGS: '1' },
    });
    const exit = await new Promise<number | null>((resolve) => app.process().on('exit', resolve));
    expect(exit).toBe(2);
  });
});
