/** Steps a person (or a developer) takes on the screens, shared by the specs. */
import { expect, type Page } from '@playwright/test';
import type { SimGatewayMode } from '../../../src/shared/domain';

export async function openDevPanel(page: Page): Promise<void> {
  const toggle = page.getByTestId('dev-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByTestId('dev-card-select').locator('option')).not.toHaveCount(0);
}

export async function selectCard(page: Page, index: number): Promise<void> {
  await openDevPanel(page);
  await page.getByTestId('dev-card-select').selectOption(String(index));
}

export async function insertCard(page: Page, index: number): Promise<void> {
  await selectCard(page, index);
  await page.getByTestId('dev-insert').click();
}

export async function scanQr(page: Page, index: number): Promise<void> {
  await selectCard(page, index);
  await page.getByTestId('dev-scan-qr').click();
}

export async function removeCard(page: Page): Promise<void> {
  await openDevPanel(page);
  await page.getByTestId('dev-remove').click();
}

export async function setGateway(page: Page, mode: SimGatewayMode): Promise<void> {
  await openDevPanel(page);
  await page.getByTestId('dev-gateway-mode').selectOption(mode);
}

export async function closeDevPanel(page: Page): Promise<void> {
  const toggle = page.getByTestId('dev-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
}

/** Insert the card, scan its QR, and wait for the department choice (the read and lookup done). */
export async function readCardToDepartments(page: Page, index: number): Promise<void> {
  await insertCard(page, index);
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  await scanQr(page, index);
  await closeDevPanel(page);
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible({ timeout: 30_000 });
}

/** Everything the page holds, markup and attributes included, for "nothing personal left". */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** Reads card `index` and takes a number for `department` and `lane`; returns the number. */
export async function checkInAtKiosk(
  page: Page,
  index: number,
  department = 'KHAM',
  lane = 'normal',
): Promise<string> {
  await readCardToDepartments(page, index);
  await page.getByTestId(`department-${department}`).click();
  await page.getByTestId(`lane-${lane}`).click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  return (await page.getByTestId('queue-number').textContent())!.trim();
}
