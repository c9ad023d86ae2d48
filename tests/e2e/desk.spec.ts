/** The reception desk against the real services: manual entry, reprint, keyboard-only use. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simIdentity, simQrText } from '../../src/sim/data/identities';
import { submitManualEntry } from './support/desk-page';
import { startTestHost, type TestHost } from './support/web-host';

let host: TestHost;

test.beforeEach(async () => {
  host = await startTestHost();
});

test.afterEach(async () => {
  await host?.close();
});

/** The `pdf` driver writes `slips/<date>/<queue number>.pdf`; a reprint writes it again. */
function slipWrittenAt(number: string): number {
  try {
    const day = readdirSync(path.join(host.dataDir, 'slips'))[0] ?? '';
    return statSync(path.join(host.dataDir, 'slips', day, `${number}.pdf`)).mtimeMs;
  } catch {
    return 0;
  }
}

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

test('manual entry when the card cannot be read, then a reprint from the list', async ({
  page,
}) => {
  const person = simIdentity(3).card;
  await page.goto(host.deskUrl);
  await expect(page.getByTestId('desk-screen')).toBeVisible();

  // Wrong input first: each field says what is wrong.
  await page.getByTestId('manual-idNumber').fill('12345');
  await page.getByTestId('manual-dateOfBirth').fill('31/02/1950');
  await page.getByTestId('manual-submit').click();
  await expect(page.getByTestId('manual-idNumber-error')).toContainText('12 chữ số');
  await expect(page.getByTestId('manual-dateOfBirth-error')).toContainText('không có trên lịch');
  await expect(page.getByTestId('manual-fullName-error')).toBeVisible();
  await expect(page.getByTestId('manual-sex-error')).toBeVisible();

  await submitManualEntry(page, {
    idNumber: person.idNumber,
    fullName: person.fullName,
    dateOfBirth: person.dateOfBirth!,
    sex: person.sex!,
  });

  const panel = page.getByTestId('desk-checkin');
  await expect(panel).toHaveAttribute('data-step', 'choose-department', { timeout: 30_000 });
  await expect(panel.getByTestId('patient-name')).toHaveText(person.fullName);
  await page.getByTestId('desk-department').selectOption('KHAM');
  await page.getByTestId('desk-lane').selectOption('elderly');
  await page.getByTestId('desk-choose-submit').click();
  await expect(panel).toHaveAttribute('data-step', 'done', { timeout: 30_000 });
  const number = (await panel.getByTestId('queue-number').textContent())!.trim();

  const row = page.getByTestId(`visit-${number}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(person.fullName);
  await expect(row.getByTestId('print-status')).toHaveAttribute('data-status', 'printed', {
    timeout: 30_000,
  });
  const printed: string[] = [];
  host.services.events.subscribe((name, payload) => {
    if (name === 'print.changed') printed.push((payload as { status: string }).status);
  });
  const before = slipWrittenAt(number);
  expect(before).toBeGreaterThan(0);
  await row.getByTestId('visit-reprint').click();
  await expect.poll(() => printed.at(-1), { timeout: 30_000 }).toBe('printed');
  expect(slipWrittenAt(number)).toBeGreaterThan(before);
  await expect(page.getByTestId('visit-row-error')).toHaveCount(0);
});

test('cancel a visit with a reason', async ({ page }) => {
  await page.goto(host.deskUrl);
  await page.getByTestId('manual-qr').fill(simQrText(simIdentity(4)));
  await page.getByTestId('manual-qr').press('Enter');
  await expect(page.getByTestId('manual-fullName')).toHaveValue(simIdentity(4).card.fullName);
  await page.getByTestId('manual-submit').click();
  const panel = page.getByTestId('desk-checkin');
  await expect(panel).toHaveAttribute('data-step', 'choose-department', { timeout: 30_000 });
  await page.getByTestId('desk-choose-submit').click();
  await expect(panel).toHaveAttribute('data-step', 'done', { timeout: 30_000 });
  const number = (await panel.getByTestId('queue-number').textContent())!.trim();

  const row = page.getByTestId(`visit-${number}`);
  await row.getByTestId('visit-cancel').click();
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByText('Hãy ghi lý do huỷ')).toBeVisible();
  await page.getByTestId('cancel-reason').fill('Nhầm khoa');
  await page.getByTestId('cancel-confirm').click();
  await expect(row).toHaveCount(0);
  await page.getByTestId('visits-cancelled').check();
  await expect(page.getByTestId(`visit-${number}`)).toHaveAttribute('data-status', 'cancelled');
});

test('the desk works from the keyboard alone', async ({ page }) => {
  const person = simIdentity(1).card;
  await page.goto(host.deskUrl);
  await expect(page.getByTestId('desk-screen')).toBeVisible();
  await page.keyboard.press('F2');
  expect(await focusedTestId(page)).toBe('manual-qr');

  // A scanner in the QR field fills the form and moves to the button; Enter sends it.
  await page.keyboard.type(simQrText(simIdentity(1)));
  await page.keyboard.press('Enter');
  expect(await focusedTestId(page)).toBe('manual-submit');
  await page.keyboard.press('Enter');

  const panel = page.getByTestId('desk-checkin');
  await expect(panel).toHaveAttribute('data-step', 'choose-department', { timeout: 30_000 });
  // Focus goes to the department, the next decision.
  await expect.poll(() => focusedTestId(page)).toBe('desk-department');
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('desk-lane');
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('desk-choose-submit');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(panel).toHaveAttribute('data-step', 'done', { timeout: 30_000 });
  const number = (await panel.getByTestId('queue-number').textContent())!.trim();

  // `/` jumps to the search; typing filters the list.
  await page.keyboard.press('/');
  expect(await focusedTestId(page)).toBe('visits-search');
  await page.keyboard.type(person.fullName.split(' ').at(-1)!);
  await expect(page.getByTestId(`visit-${number}`)).toBeVisible();

  // Tab through the filters to the row's buttons; Enter reprints.
  for (const expected of [
    'visits-department',
    'visits-cancelled',
    'visits-refresh',
    'visit-reprint',
  ]) {
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe(expected);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('visit-row-error')).toHaveCount(0);
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('visit-cancel');
  await page.keyboard.press('Enter');
  expect(await focusedTestId(page)).toBe('cancel-reason');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cancel-form')).toHaveCount(0);
  // Back on the button that opened the form, not at the top of the page.
  expect(await focusedTestId(page)).toBe('visit-cancel');
});

test('the desk shows the reader and the lookup service, and switches insurance checking', async ({
  page,
}) => {
  await page.goto(host.deskUrl);
  await expect(page.getByTestId('reader-status')).toContainText('mô phỏng');
  await expect(page.getByTestId('gateway-status')).toBeVisible();
  const toggle = page.getByTestId('insurance-switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  const info = await host.services.handlers['app.info'](null);
  expect(info.insuranceChecking).toBe(false);
});
