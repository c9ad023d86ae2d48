/**
 * The kiosk check-in in the real Electron app (IPC transport, preload bridge). Skipped, with the
 * reason, where no Electron binary is installed.
 */
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { simIdentity } from '../../../src/sim/data/identities';
import { pageText, readCardToDepartments } from '../support/kiosk-page';
import { launchApp, skipWithoutElectron } from '../support/electron';

test.beforeEach(() => skipWithoutElectron());

test('a full kiosk check-in with a simulated card in Electron', async () => {
  const person = simIdentity(1).card;
  const { app, dataDir } = await launchApp({ station: { doneReturnSeconds: 5 } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    await readCardToDepartments(page, 1);
    await expect(page.getByTestId('patient-name')).toHaveText(person.fullName);
    await page.getByTestId('department-KHAM').click();
    await page.getByTestId('lane-normal').click();
    await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('queue-number')).toHaveText(/\d+$/);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible({ timeout: 15_000 });
    expect(await pageText(page)).not.toContain(person.fullName);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a wrong key in Electron shows the error and asks for the QR again', async () => {
  const { app, dataDir } = await launchApp();
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    await page.getByTestId('dev-toggle').click();
    await page.getByTestId('dev-card-select').selectOption('1');
    await page.getByTestId('dev-insert').click();
    await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
    await page.getByTestId('dev-card-select').selectOption('2');
    await page.getByTestId('dev-scan-qr').click();
    await expect(page.getByTestId('need-key-error')).toBeVisible({ timeout: 30_000 });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
