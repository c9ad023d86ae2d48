/**
 * The patient's kiosk against the real services (simulated card and lookup service) through the
 * web host, in Debian's Chromium.
 */
import { expect, test } from '@playwright/test';
import type { CheckinState } from '../../src/shared/domain';
import { simIdentity } from '../../src/sim/data/identities';
import { startTestHost, type TestHost } from './support/web-host';
import {
  closeDevPanel,
  insertCard,
  pageText,
  readCardToDepartments,
  removeCard,
  scanQr,
  setGateway,
} from './support/kiosk-page';

let host: TestHost;
let steps: CheckinState[];

test.beforeEach(async () => {
  host = await startTestHost({ config: { station: { doneReturnSeconds: 5 } } });
  steps = [];
  host.services.events.subscribe((name, payload) => {
    if (name === 'checkin.state') steps.push(payload as CheckinState);
  });
});

test.afterEach(async () => {
  await host?.close();
});

test('a full check-in with a simulated card, back to idle with nothing personal left', async ({
  page,
}) => {
  const person = simIdentity(1).card;
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();

  await insertCard(page, 1);
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  await scanQr(page, 1);
  await closeDevPanel(page);

  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible({ timeout: 30_000 });
  // The read went through its visible progress and the confirm-who-you-are screen.
  const reading = steps.filter((s) => s.step === 'reading');
  expect(reading.length).toBeGreaterThan(0);
  expect(steps.some((s) => s.step === 'looking-up')).toBe(true);
  await expect(page.getByTestId('patient-name')).toHaveText(person.fullName);
  await expect(page.getByTestId('insurance-summary')).toHaveAttribute('data-source', 'online');

  await page.getByTestId('department-KHAM').click();
  await expect(page.getByTestId('kiosk-choose-lane')).toBeVisible();
  await page.getByTestId('lane-elderly').click();

  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByTestId('queue-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/\d+$/);
  await expect(page.getByTestId('done-directions')).toContainText(/Phòng 101/);

  // Nobody touches the screen: it returns to idle on its own after doneReturnSeconds.
  await expect(page.getByTestId('kiosk-idle')).toBeVisible({ timeout: 15_000 });
  const html = await pageText(page);
  expect(html).not.toContain(person.fullName);
  expect(html).not.toContain(person.idNumber);
  expect(html).not.toContain(number);
  expect(await host.services.handlers['checkin.current'](null)).toEqual({ step: 'idle' });
});

test('a check-in while the lookup service is down uses the cached result, marked offline', async ({
  page,
}) => {
  // The second read is minutes after the first: without this, the answer would be reused
  // (insurance.answerReuseMinutes) and the service never asked.
  await host.close();
  host = await startTestHost({
    config: { station: { doneReturnSeconds: 5 }, insurance: { answerReuseMinutes: 0 } },
  });
  await page.goto(host.url);
  // First an online check-in, so the station has this person's insurance in its cache.
  await readCardToDepartments(page, 1);
  await expect(page.getByTestId('insurance-summary')).toHaveAttribute('data-source', 'online');
  await page.getByTestId('department-KHAM').click();
  await page.getByTestId('lane-normal').click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('kiosk-finish').click();
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await removeCard(page);

  await setGateway(page, 'down');
  await readCardToDepartments(page, 1);
  const insurance = page.getByTestId('insurance-summary');
  await expect(insurance).toHaveAttribute('data-source', 'cache');
  await expect(insurance).toContainText('Đang mất kết nối');
  await page.getByTestId('department-NHI').click();
  await page.getByTestId('lane-normal').click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  const visits = await host.services.handlers['visits.list']({});
  const nhi = visits.find((v) => v.department === 'NHI');
  expect(nhi?.insurance.source).toBe('cache');
});

test('a card pulled mid-read says to put it back', async ({ page }) => {
  await page.goto(host.url);
  await insertCard(page, 1);
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  // Pull the card once the chip is unlocked and being read: the simulated reader fails its next
  // APDU, exactly as a real reader does when the card leaves the field.
  const off = host.services.events.subscribe((name, payload) => {
    const state = payload as CheckinState;
    if (
      name === 'checkin.state' &&
      state.step === 'reading' &&
      state.progress.phase !== 'connect'
    ) {
      off();
      void host.services.handlers['sim.removeCard'](null);
    }
  });
  await scanQr(page, 1);
  await closeDevPanel(page);

  const error = page.locator('[data-code="CARD_REMOVED"]');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText(/thẻ/i);
  // The sentence says what to do next: put the card back (main's words or the screen's advice).
  await expect(error).toContainText(/đặt|để/i);
  await expect(page.getByTestId('patient-name')).toHaveCount(0);
  // A moment later the screen asks for the card again; the key from the QR is kept.
  await expect(page.getByTestId('kiosk-need-card')).toBeVisible({ timeout: 15_000 });
  await insertCard(page, 1);
  await closeDevPanel(page);
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible({ timeout: 30_000 });
});

test('a wrong key (the QR of another card) shows the error and asks for the QR again', async ({
  page,
}) => {
  await page.goto(host.url);
  await insertCard(page, 1);
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  await scanQr(page, 2);
  await closeDevPanel(page);

  await expect(page.getByTestId('need-key-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  await expect(page.getByTestId('patient-name')).toHaveCount(0);
  const html = await pageText(page);
  expect(html).not.toContain(simIdentity(2).card.fullName);

  // The right QR then works.
  await scanQr(page, 1);
  await closeDevPanel(page);
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible({ timeout: 30_000 });
});

test('the English switch changes the screen and the patient leaving restores Vietnamese', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toContainText('Mời bạn đặt thẻ');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('kiosk-idle')).toContainText('Please place your citizen ID card');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await readCardToDepartments(page, 1);
  await page.getByTestId('kiosk-start-over').click();
  await expect(page.getByTestId('kiosk-idle')).toContainText('Mời bạn đặt thẻ');
});
