/** An abandoned kiosk goes back to idle by itself and keeps nothing about the person. */
import { expect, test } from '@playwright/test';
import { simIdentity } from '../../src/sim/data/identities';
import { openDevPanel, pageText, readCardToDepartments } from './support/kiosk-page';
import { startTestHost, type TestHost } from './support/web-host';

let host: TestHost;

test.beforeEach(async () => {
  // 10 s is the shortest the configuration accepts.
  host = await startTestHost({ config: { station: { idleTimeoutSeconds: 10 } } });
});

test.afterEach(async () => {
  await host?.close();
});

test('the idle timeout wipes every personal detail from the screen', async ({ page }) => {
  const person = simIdentity(2).card;
  await page.goto(host.url);
  await page.getByTestId('language-switch').click();
  await readCardToDepartments(page, 2);
  await expect(page.getByTestId('patient-name')).toHaveText(person.fullName);
  // Leave the developer panel open too: its catalog lists names, and must go as well.
  await openDevPanel(page);

  // No touch, no key: after idleTimeoutSeconds the kiosk is back at the start.
  await expect(page.getByTestId('kiosk-idle')).toBeVisible({ timeout: 25_000 });
  const html = await pageText(page);
  for (const personal of [person.fullName, person.idNumber, person.dateOfBirth!.slice(0, 4)]) {
    expect(html).not.toContain(personal);
  }
  expect(html).not.toContain('data:image');
  await expect(page.getByTestId('dev-card-select')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  expect(await host.services.handlers['checkin.current'](null)).toEqual({ step: 'idle' });
});
