/**
 * Every patient who walks in (issue 21), at the kiosk against the real services (simulated card
 * and lookup service) through the web host: a child by the BHYT card QR, the keypad then the
 * card, an unknown typed number, no papers; each screen axe-clean. The QR is written by hand in
 * the layout of the team's QR-formats reference §1.4 for the simulator's made-up child 101 (no CCCD).
 */
import { expect, test, type Page } from '@playwright/test';
import { simIdentity } from '../../src/sim/data/identities';
import { seriousViolations } from './support/axe';
import { submitManualEntry } from './support/desk-page';
import { closeDevPanel, insertCard, selectCard } from './support/kiosk-page';
import { startTestHost, type TestHost } from './support/web-host';
import { scanText } from './support/scanner';

const CHILD_QR =
  'TE1010230520101|5472e1baa76e204d696e68204b68c3b469|20/05/2023|1|53e1bb912037204e67c3b5204769e1baa320c490e1bb8b6e682c205068c6b0e1bb9d6e67204dc3b4205068e1bb8f6e672c205175e1baad6e2043e1baa775204769e1baa5792c2048c3a0204ee1bb9969|01 - 001|20/05/2023|19/05/2029|20/05/2023|01010230520101|5472e1baa76e2056c4836e204de1baab75|4|01/01/2020|0000000000000000-7102|$';

let host: TestHost;

test.beforeEach(async () => {
  host = await startTestHost({ config: { station: { doneReturnSeconds: 30 } } });
});

test.afterEach(async () => {
  await host?.close();
});

async function typeOnKeypad(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`key-${d}`).click();
  await expect(page.getByTestId('keypad-display')).toHaveText(digits);
  await page.getByTestId('key-ok').click();
}

test('a child by the BHYT card QR: the child lane preselected with its reason, a number', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await scanText(page, CHILD_QR);
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('patient-name')).toHaveText('Trần Minh Khôi');
  await page.getByTestId('department-NHI').click();
  await expect(page.getByTestId('lane-priority-reason')).toContainText('3 tuổi');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('lane-child').click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('queue-number')).toHaveText(/-NHI-E-001$/);
});

test('the ID number on the keypad, then the card: PACE opens it with the CAN', async ({ page }) => {
  const person = simIdentity(1).card;
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await typeOnKeypad(page, person.idNumber);
  await expect(page.getByTestId('kiosk-need-card')).toBeVisible();
  await insertCard(page, 1);
  await closeDevPanel(page);
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('patient-name')).toHaveText(person.fullName);
});

test('an unknown typed number gets a desk ticket, never a dead end', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  for (const d of '9876543210') await page.getByTestId(`key-${d}`).click();
  await page.getByTestId('key-ok').click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('done-desk-ticket')).toContainText('Mời đến quầy tiếp đón');
  await expect(page.getByTestId('queue-number')).toHaveText(/-TD-T-001$/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a BHYT card code on the keypad: a group key, then 13 digits; large keys, axe-clean in both languages', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await page.getByTestId('keypad-mode-bhyt').click();
  await expect(page.getByTestId('keypad')).toHaveAttribute('data-mode', 'bhyt');
  await expect(page.getByTestId('group-TE')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // A touch target a finger finds: at least 44 CSS pixels each way (WCAG 2.5.5).
  const box = (await page.getByTestId('group-TE').boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('keypad-display')).toHaveText(/first 2 letters/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('group-TE').click();
  await expect(page.getByTestId('key-1')).toBeVisible();
  for (const d of '1010230520101') await page.getByTestId(`key-${d}`).click();
  await expect(page.getByTestId('keypad-display')).toHaveText('TE 1010230520101');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('key-ok').click();
  // Nobody known by this code on a fresh station: a desk ticket, the code kept as what was shown.
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('queue-number')).toHaveText(/-TD-T-001$/);
  const visits = await host.services.visits.list({});
  expect(visits.map((v) => v.document)).toEqual(['typed-bhyt']);
});

test("an older card's code with letters (DN401AA319…): the letter grid, one letter at a time", async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await page.getByTestId('keypad-mode-bhyt').click();
  await page.getByTestId('group-DN').click();
  await expect(page.getByTestId('key-letters')).toBeDisabled(); // the benefit digit first
  for (const d of '401') await page.getByTestId(`key-${d}`).click();
  for (const l of 'AA') {
    await page.getByTestId('key-letters').click();
    await expect(page.getByTestId('keypad-letters')).toBeVisible();
    await page.getByTestId(`letter-${l}`).click();
    await expect(page.getByTestId('key-1')).toBeVisible();
  }
  await page.getByTestId('key-letters').click();
  const box = (await page.getByTestId('letter-Q').boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('key-letters-close').click();
  for (const d of '31912345') await page.getByTestId(`key-${d}`).click();
  await expect(page.getByTestId('keypad-display')).toHaveText('DN 401AA31912345');
  await page.getByTestId('key-ok').click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  const visits = await host.services.visits.list({});
  expect(visits.map((v) => v.document)).toEqual(['typed-bhyt']);
});

test("the developer panel's 'scan this text': a BHYT-card-only child's pasted QR checks in", async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await selectCard(page, 101);
  await expect(page.getByTestId('dev-insert')).toBeDisabled();
  await page.getByTestId('dev-paste-bhyt').click();
  await expect(page.getByTestId('dev-scan-text')).toHaveValue(CHILD_QR);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('dev-scan-text-send').click();
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('patient-name')).toHaveText('Trần Minh Khôi');
});

test('no papers: a ticket at the kiosk, completed at the desk with the same number, then sent on to a clinic with it', async ({
  page,
  context,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await page.getByTestId('no-documents').click();
  await expect(page.getByTestId('done-desk-ticket')).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByTestId('queue-number').textContent())!.trim();
  expect(number).toMatch(/-TD-T-001$/);
  await page.getByTestId('kiosk-finish').click();
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();

  const desk = await context.newPage();
  await desk.goto(host.deskUrl);
  const row = desk.getByTestId(`visit-${number}`);
  await expect(row.getByTestId('visit-document')).toHaveAttribute('data-document', 'none');
  await row.getByTestId('visit-complete-ticket').click();
  await expect(desk.getByTestId('manual-ticket')).toContainText(number);
  expect(await seriousViolations(desk)).toEqual([]);
  const person = simIdentity(3).card;
  await desk.getByTestId('manual-vneid').check();
  await submitManualEntry(desk, {
    idNumber: person.idNumber,
    fullName: person.fullName,
    dateOfBirth: person.dateOfBirth!,
    sex: person.sex!,
  });
  await expect(desk.getByTestId('desk-checkin')).toHaveAttribute('data-step', 'done', {
    timeout: 30_000,
  });
  await expect(row).toContainText(person.fullName);
  await expect(row.getByTestId('visit-document')).toHaveAttribute('data-document', 'vneid-desk');
  const visits = await host.services.visits.list({});
  expect(visits.map((v) => [v.queueNumber, v.patient.fullName])).toEqual([
    [number, person.fullName],
  ]);

  // Sent on to a clinic: the same number, now in that department's list and calling queue.
  await expect(row.getByTestId('visit-department')).toHaveAttribute('data-department', 'TD');
  await row.getByTestId('visit-send-on').click();
  await expect(desk.getByTestId('send-on-form')).toContainText(number);
  expect(await seriousViolations(desk)).toEqual([]);
  await desk.getByTestId('send-on-department').selectOption('SAN');
  await desk.getByTestId('send-on-confirm').click();
  await expect(row.getByTestId('visit-department')).toHaveAttribute('data-department', 'SAN');
  await expect(row.getByTestId('visit-send-on')).toHaveCount(0);
  await desk.getByTestId('visits-department').selectOption('SAN');
  await expect(desk.getByTestId(`visit-${number}`)).toContainText(person.fullName);
  const room = host.services.config.queue.rooms.find((r) => r.departments.includes('SAN'));
  const called = await host.services.calling.callNext(room!.code, 'SAN');
  expect(called).toMatchObject({ queueNumber: number, department: 'SAN' });
});
