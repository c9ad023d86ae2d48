/**
 * Calling patients in, end to end in Chromium: the desk's caller calls the next patient and the
 * waiting-room display (another page, served in display mode) shows the number within a second;
 * a room station walks a patient through; both screens are axe-clean.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { seedWaiting, serveMode } from './support/calling-stations';
import { startTestHost, type TestHost } from './support/web-host';

/** The caller's keys and the button of the command each triggers (RoomCaller's CALLER_KEYS). */
const CALLER_COMMANDS = {
  F6: 'call-next',
  F7: 'call-again',
  F8: 'skip',
  F9: 'patient-in',
  F10: 'done',
} as const;

/**
 * Presses a caller key once its command can act: the caller ignores keys while the previous
 * request is in flight (its buttons are disabled then), so a key pressed the moment the screen
 * shows the last change can be dropped. Wait for the state the key acts on, then press.
 */
async function pressCallerKey(page: Page, key: keyof typeof CALLER_COMMANDS): Promise<void> {
  await expect(page.getByTestId(`caller-${CALLER_COMMANDS[key]}`)).toBeEnabled();
  await page.keyboard.press(key);
}

let host: TestHost;
const closers: Array<() => Promise<void>> = [];

test.beforeEach(async () => {
  host = await startTestHost();
});

test.afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await host?.close();
});

test('the desk calls next; the display shows the number within one second', async ({
  page,
  browser,
}) => {
  const numbers = await seedWaiting(host, ['normal', 'normal', 'elderly']);
  const display = await serveMode(host, 'display');
  closers.push(display.close);

  // axe needs a page of its own context: the board is another screen, as in the waiting room.
  const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  closers.push(() => boardContext.close());
  const board = await boardContext.newPage();
  await board.goto(display.url);
  await expect(board.getByTestId('display-screen')).toBeVisible();
  await expect(board.getByTestId('display-room-101')).toContainText('3');
  // The test host runs the simulators: the waiting room is told too.
  await expect(board.getByTestId('simulated-badge')).toContainText('MÔ PHỎNG');
  expect(await seriousViolations(board)).toEqual([]);

  await page.goto(host.deskUrl);
  const caller = page.getByTestId('room-caller');
  await expect(caller.getByTestId('caller-waiting')).toContainText('3');
  await expect(caller.getByTestId('caller-call-next')).toBeEnabled();

  const clicked = Date.now();
  await caller.getByTestId('caller-call-next').click();
  // Emergency first, then a fresh room starts with the priority lane: the elderly patient.
  await expect(board.getByTestId('display-number')).toHaveText(numbers[2]!, { timeout: 1000 });
  const shownAfter = Date.now() - clicked;
  expect(shownAfter).toBeLessThanOrEqual(1000);
  await expect(board.getByTestId('display-room')).toContainText('Phòng 101');
  await expect(caller.getByTestId('caller-current')).toContainText(numbers[2]!);

  // The desk list shows the progress; the next call moves the first to "recent".
  const row = page.getByTestId(`visit-${numbers[2]}`);
  await expect(row.getByTestId('visit-progress')).toHaveAttribute('data-progress', 'called');
  await caller.getByTestId('caller-patient-in').click();
  await expect(row.getByTestId('visit-progress')).toHaveAttribute('data-progress', 'in-room');
  await pressCallerKey(page, 'F10');
  await expect(row.getByTestId('visit-progress')).toHaveAttribute('data-progress', 'done');
  await pressCallerKey(page, 'F6');
  await expect(board.getByTestId('display-number')).toHaveText(numbers[0]!, { timeout: 1000 });
  await expect(board.getByTestId('display-recent')).toContainText(numbers[2]!);
  await expect(board.getByTestId('display-room-101')).toContainText('1');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await seriousViolations(board)).toEqual([]);
});

test('a room station: keys walk a patient through; a skipped patient is called back', async ({
  page,
}) => {
  const numbers = await seedWaiting(host, ['normal', 'normal']);
  const room = await serveMode(host, 'room');
  closers.push(room.close);
  await page.goto(room.url);
  await expect(page.getByTestId('room-screen')).toBeVisible();
  const current = page.getByTestId('caller-current');

  await pressCallerKey(page, 'F6');
  await expect(current).toContainText(numbers[0]!);
  await pressCallerKey(page, 'F7');
  await expect(current).toContainText(numbers[0]!);
  await pressCallerKey(page, 'F8');
  await expect(current).not.toContainText(numbers[0]!);
  await expect(page.getByTestId('caller-recall')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('caller-recall').click();
  await expect(current).toContainText(numbers[0]!);
  await expect(current).toContainText('Đã gọi');
  // A room cannot mark "done" before the patient is in: the button is off, the key does nothing.
  await expect(page.getByTestId('caller-done')).toBeDisabled();
  await pressCallerKey(page, 'F9');
  await expect(current).toContainText('Trong phòng');
});
