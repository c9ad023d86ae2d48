/** axe-core on the screens people use: no serious or critical violation. */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { readCardToDepartments } from './support/kiosk-page';
import { startTestHost, type TestHost } from './support/web-host';

let host: TestHost;

test.describe('with the real services', () => {
  test.beforeEach(async () => {
    host = await startTestHost();
  });
  test.afterEach(async () => {
    await host?.close();
  });

  test('kiosk idle screen', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('kiosk department choice, with the patient and insurance on screen', async ({ page }) => {
    await page.goto(host.url);
    await readCardToDepartments(page, 1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('desk screen', async ({ page }) => {
    await page.goto(host.deskUrl);
    await expect(page.getByTestId('desk-screen')).toBeVisible();
    await expect(page.getByTestId('visits-table')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
