/**
 * The screens' own behaviour, with a scripted station behind the real web host: states that the
 * real services pass through too quickly to look at, and exactly what each button asks of main.
 */
import { expect, test } from '@playwright/test';
import type { CheckinState } from '../../src/shared/domain';
import {
  insuredOnline,
  scriptedPatient,
  scriptedVisit,
  startScriptedStation,
  type ScriptedStation,
} from './support/scripted-station';

let station: ScriptedStation;

test.afterEach(async () => {
  await station?.close();
});

function calls(name: string): unknown[] {
  return station.calls.filter((c) => c.name === name).map((c) => c.input);
}

const choosing = (patch: Partial<Extract<CheckinState, { step: 'choose-department' }>> = {}) =>
  ({
    step: 'choose-department',
    patient: scriptedPatient(1),
    insurance: insuredOnline(80),
    needsStaff: null,
    existingVisits: [],
    ...patch,
  }) as CheckinState;

test('reading shows its progress as a bar with a percentage and the phase', async ({ page }) => {
  station = await startScriptedStation();
  await page.goto(station.url);
  station.push({ step: 'reading', progress: { phase: 'identity', percent: 35 } });
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', '35');
  await expect(page.getByTestId('read-progress')).toContainText('35%');
  await expect(page.getByTestId('read-progress')).toContainText('Đang đọc thông tin');
  station.push({ step: 'reading', progress: { phase: 'photo', percent: 80 } });
  await expect(bar).toHaveAttribute('aria-valuenow', '80');
});

test('a keyboard-wedge scan anywhere on the page sends the QR as the chip key', async ({
  page,
}) => {
  station = await startScriptedStation();
  await page.goto(station.url);
  station.push({ step: 'need-key', reader: 'R', lastError: null });
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  const qr = '001085012345||Nguyễn Văn An|14031985|Nam|Hà Nội|02042025';
  // A scanner types far faster than a person; synthetic keydowns a few ms apart, then Enter.
  await page.evaluate(async (text) => {
    for (const key of [...text, 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await new Promise((r) => setTimeout(r, 2));
    }
  }, qr);
  await expect.poll(() => calls('checkin.present')).toEqual([{ text: qr }]);
});

test('a person typing slowly is not taken for a scan', async ({ page }) => {
  station = await startScriptedStation();
  await page.goto(station.url);
  station.push({ step: 'need-key', reader: 'R', lastError: null });
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  await page.keyboard.type('001085012345', { delay: 120 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(calls('checkin.present')).toEqual([]);
});

test('insurance outcomes in plain words: cached offline with its time, stale, self-pay', async ({
  page,
}) => {
  station = await startScriptedStation();
  await page.goto(station.url);
  const cachedAt = new Date(Date.now() - 3 * 3600_000).toISOString();
  station.push(
    choosing({
      insurance: { ...insuredOnline(80), source: 'cache', cachedAt, stale: true },
    }),
  );
  const summary = page.getByTestId('insurance-summary');
  await expect(summary).toHaveAttribute('data-source', 'cache');
  await expect(summary).toContainText('Đang mất kết nối');
  await expect(summary).toContainText('lúc');
  await expect(summary).toContainText('nhân viên cần xác nhận');
  station.push(
    choosing({
      insurance: { source: 'self-pay', result: null, cachedAt: null, stale: false, note: null },
    }),
  );
  await expect(summary).toHaveAttribute('data-source', 'self-pay');
  await expect(summary).toContainText('tự trả phí');
});

test('insurance accepted by staff over a "not valid" answer reads as accepted, not also refused', async ({
  page,
}) => {
  station = await startScriptedStation();
  await page.goto(station.url);
  const refused = insuredOnline(80);
  refused.result = {
    ...refused.result!,
    outcome: 're-enter',
    mayUseInsurance: false,
    message: { vi: 'Thông tin chưa khớp', en: 'Details do not match' },
  };
  station.push(choosing({ insurance: { ...refused, source: 'staff-override', note: 'ok' } }));
  const summary = page.getByTestId('insurance-summary');
  await expect(summary).toHaveAttribute('data-source', 'staff-override');
  await expect(summary).toContainText('Nhân viên đã xác nhận bảo hiểm');
  await expect(summary).toContainText('80');
  await expect(summary).not.toContainText('Thông tin chưa khớp');
  await expect(summary).not.toContainText('chưa dùng được');
});

test('choosing a department then a lane commits both', async ({ page }) => {
  station = await startScriptedStation();
  station.answer('checkin.choose', async () => scriptedVisit(1));
  await page.goto(station.url);
  station.push(choosing({ existingVisits: [scriptedVisit(1, { department: 'NHI' })] }));
  await expect(page.getByTestId('department-NHI')).toContainText('K01-KHAM-001');
  await page.getByTestId('department-SAN').click();
  await page.getByTestId('lane-back').click();
  await page.getByTestId('department-KHAM').click();
  await page.getByTestId('lane-pregnant').click();
  await expect
    .poll(() => calls('checkin.choose'))
    .toEqual([{ department: 'KHAM', lane: 'pregnant' }]);
});

test('the done screen returns to idle by itself and asks main to forget', async ({ page }) => {
  station = await startScriptedStation({
    info: { kiosk: { idleTimeoutSeconds: 600, doneReturnSeconds: 3 } },
  });
  await page.goto(station.url);
  station.push({ step: 'done', visit: scriptedVisit(1), reprint: false, printError: null });
  await expect(page.getByTestId('queue-number')).toHaveText('K01-KHAM-001');
  await expect(page.getByTestId('done-countdown')).toContainText('giây');
  await expect(page.getByTestId('kiosk-idle')).toBeVisible({ timeout: 10_000 });
  expect(calls('checkin.reset')).toHaveLength(1);
  expect(await page.content()).not.toContain(scriptedPatient(1).fullName);
});

test('a failed slip says so, and printing again asks for a reprint', async ({ page }) => {
  station = await startScriptedStation();
  station.answer('checkin.reprint', async () => ({
    visitId: 'visit-1',
    status: 'printed',
    error: null,
  }));
  await page.goto(station.url);
  const error = {
    code: 'PRINT_NO_PAPER',
    message: { vi: 'Máy in đã hết giấy.', en: 'The printer is out of paper.' },
  };
  station.push({ step: 'done', visit: scriptedVisit(1), reprint: false, printError: error });
  await expect(page.getByTestId('print-error')).toContainText('Máy in đã hết giấy');
  await expect(page.getByTestId('print-error')).toContainText('gọi nhân viên');
  await page.getByTestId('kiosk-print-again').click();
  // The kiosk asks for its own slip again, never for a visit by id.
  await expect.poll(() => calls('checkin.reprint')).toEqual([null]);
  await expect(page.getByTestId('print-error')).toHaveCount(0);
});

test('an error step gives the sentence, a retry, and a way back', async ({ page }) => {
  station = await startScriptedStation();
  await page.goto(station.url);
  station.push({
    step: 'error',
    error: {
      code: 'CARD_REMOVED',
      message: { vi: 'Thẻ đã bị nhấc ra khi đang đọc.', en: 'The card was removed.' },
      retryable: true,
    },
    canRetry: true,
  });
  await expect(page.getByTestId('checkin-error')).toContainText('Hãy đặt lại thẻ');
  await page.getByTestId('kiosk-retry').click();
  await expect.poll(() => calls('checkin.retry')).toHaveLength(1);
  await page.getByTestId('kiosk-start-over').click();
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  expect(calls('checkin.reset')).toHaveLength(1);
});

test('the desk shows staff decisions when the service needs them, and sends the chosen one', async ({
  page,
}) => {
  station = await startScriptedStation({ visits: [scriptedVisit(1)] });
  await page.goto(station.deskUrl);
  station.push(
    choosing({
      insurance: { source: 'pending', result: null, cachedAt: null, stale: false, note: null },
      needsStaff: {
        code: 'INSURANCE_UNAVAILABLE',
        message: { vi: 'Không kết nối được cổng BHXH.', en: 'Service unreachable.' },
      },
    }),
  );
  await expect(page.getByTestId('needs-staff')).toContainText('Không kết nối được cổng BHXH');
  await page.getByLabel('Ghi chú (không bắt buộc)').fill('đã gọi BHXH');
  await page.getByTestId('override-self-pay').click();
  await expect
    .poll(() => calls('checkin.override'))
    .toEqual([{ decision: 'self-pay', note: 'đã gọi BHXH' }]);
  // The decision's buttons go away with it; the keyboard carries on at the department.
  station.push(
    choosing({
      insurance: { source: 'self-pay', result: null, cachedAt: null, stale: false, note: null },
      needsStaff: null,
    }),
  );
  await expect(page.getByTestId('needs-staff')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('desk-department');
});

test('the developer panel is absent when nothing is simulated', async ({ page }) => {
  station = await startScriptedStation({ info: { simulated: { reader: false, gateway: false } } });
  await page.goto(station.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await expect(page.getByTestId('dev-panel')).toHaveCount(0);
});

test('a simulated station says MÔ PHỎNG on the kiosk and the desk; a real one does not', async ({
  page,
}) => {
  station = await startScriptedStation({ info: { simulated: { reader: false, gateway: true } } });
  await page.goto(station.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await expect(page.getByTestId('simulated-badge')).toBeVisible();
  await expect(page.getByTestId('simulated-badge')).toContainText('MÔ PHỎNG');
  await page.goto(station.deskUrl);
  await expect(page.getByTestId('simulated-badge')).toBeVisible();
  await station.close();

  station = await startScriptedStation({ info: { simulated: { reader: false, gateway: false } } });
  await page.goto(station.url);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  await expect(page.getByTestId('simulated-badge')).toHaveCount(0);
});

test('on the desk the MÔ PHỎNG band sits in the top bar and never covers the visits table', async ({
  page,
}) => {
  // A short window, so that the desk's page scrolls (as on a laptop at the desk).
  await page.setViewportSize({ width: 1280, height: 560 });
  station = await startScriptedStation({
    info: { simulated: { reader: false, gateway: true } },
    visits: [scriptedVisit(1), scriptedVisit(2)],
  });
  await page.goto(station.deskUrl);
  station.push(choosing());
  const badge = page.getByTestId('simulated-badge');
  await expect(badge).toContainText('MÔ PHỎNG');
  await expect(page.locator('.desk-header').getByTestId('simulated-badge')).toHaveCount(1);
  const head = page.getByTestId('visits-table').locator('thead');
  await expect(head).toBeVisible();
  const overlaps = async (): Promise<boolean> => {
    const a = await badge.boundingBox();
    const b = await head.boundingBox();
    if (!a || !b) return false;
    return (
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    );
  };
  expect(await overlaps()).toBe(false);
  // Scrolled so that the table's column headers are at the top of the window.
  await head.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect.poll(async () => (await head.boundingBox())?.y ?? -1).toBeLessThan(5);
  expect(await overlaps()).toBe(false);
  // The lane field speaks to staff, not as the patient.
  await expect(page.getByTestId('desk-lane').locator('option[value="normal"]')).toHaveText(
    'Thường (không ưu tiên)',
  );
});

test.describe('a desk browser set to another zone', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('shows check-in times on the hospital clock', async ({ page }) => {
    const visit = scriptedVisit(1);
    station = await startScriptedStation({ visits: [visit] });
    await page.goto(station.deskUrl);
    // 08:11 in Vietnam is 17:11 the evening before in Los Angeles.
    await expect(page.getByTestId(`visit-${visit.queueNumber}`)).toContainText('08:11');
    await expect(page.getByTestId(`visit-${visit.queueNumber}`)).not.toContainText('17:11');
  });
});
