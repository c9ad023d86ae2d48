/**
 * The face check on the kiosk (issue 23) in Debian's Chromium with a fake camera fed from the
 * real photos @vladmandic/face-api ships for testing: the simulated card carries a chip photo
 * made from one face (cropped, scaled, relit, re-encoded), the camera plays a Y4M made from the
 * same photo or another. Model inference is heavy: four browsers in all, one per case.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { CheckinState, FaceCheckReport } from '../../src/shared/domain';
import { simIdentity } from '../../src/sim/data/identities';
import { replaceSimPhoto } from '../../src/sim/card/sim-photos';
import { faceDefaults } from '../../src/main/config/sections/face';
import { seriousViolations } from './support/axe';
import { closeDevPanel, insertCard, scanQr } from './support/kiosk-page';
import { startTestHost, type TestHost } from './support/web-host';
import { BROWSER_ARGS, cameraArgs } from './support/chromium-args';
import { cameraFrame, chipPhoto, mirror, SAMPLE_FACES, writeY4m } from '../support/face/face-media';

test.describe.configure({ timeout: 180_000 });

/** Sample 3's left face: 10° of yaw, so it and its mirror image differ by 20°: a head turn. */
const HOLDER = SAMPLE_FACES[6]!;
/** Somebody else: sample 6's second face. */
const OTHER = SAMPLE_FACES[19]!;
const CARD = 2;

let host: TestHost | null = null;
let browser: Browser | null = null;
let steps: CheckinState[] = [];
const media = mkdtempSync(path.join(os.tmpdir(), 'kiosk-face-'));

test.afterEach(async () => {
  await browser?.close();
  await host?.close();
  browser = null;
  host = null;
  replaceSimPhoto(simIdentity(CARD), null);
});

/** Chromium whose camera plays `y4m` in a loop, permission granted as Electron grants it. */
async function withCamera(y4m: string | null): Promise<Page> {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...BROWSER_ARGS, ...cameraArgs(y4m)],
  });
  // A context of its own (axe needs one), as the page fixture has.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function startKiosk(): Promise<void> {
  replaceSimPhoto(simIdentity(CARD), chipPhoto(HOLDER));
  host = await startTestHost({ config: { face: { policy: 'optional' } } });
  steps = [];
  host.services.events.subscribe((name, payload) => {
    if (name === 'checkin.state') steps.push(payload as CheckinState);
  });
}

async function readCardToConsent(page: Page): Promise<void> {
  await page.goto(host!.url);
  await insertCard(page, CARD);
  await expect(page.getByTestId('kiosk-need-key')).toBeVisible();
  await scanQr(page, CARD);
  await closeDevPanel(page);
  await expect(page.getByTestId('face-consent')).toBeVisible({ timeout: 30_000 });
}

/** Consents, waits for the camera step's report to main, and returns it. */
async function runCheck(page: Page): Promise<FaceCheckReport> {
  const sent = page.waitForRequest((r) => r.url().includes('/api/request/checkin.faceResult'), {
    timeout: 150_000,
  });
  await page.getByTestId('face-consent-yes').click();
  await expect(page.getByTestId('face-camera')).toBeVisible();
  return (await sent).postDataJSON() as FaceCheckReport;
}

test('the holder turning their head matches the chip photo; the visit keeps only the decision', async () => {
  const file = path.join(media, 'holder-turning.y4m');
  const frame = cameraFrame(HOLDER);
  writeY4m(file, [frame, mirror(frame)], 15); // 1.5 s facing, 1.5 s turned, in a loop
  await startKiosk();
  const page = await withCamera(file);
  // The spoken instructions the screen asks main for (item 5); whether Chromium plays them does
  // not matter here: the check goes on either way.
  const spoken: unknown[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/request/face.instructionAudio')) spoken.push(r.postDataJSON());
  });
  await readCardToConsent(page);
  const report = await runCheck(page);
  expect(report).toMatchObject({ outcome: 'compared', liveness: 'live' });
  // The consent question, then the camera's guide as the screen showed it: which guides get
  // painted depends on how long the model holds the page's thread between frames.
  expect(spoken[0]).toEqual({ instruction: 'consent', language: 'vi' });
  expect(spoken.slice(1)).toContainEqual({
    instruction: expect.stringMatching(/^(look-at-camera|turn-head)$/),
    language: 'vi',
  });
  expect(report.outcome === 'compared' && report.score).toBeGreaterThanOrEqual(
    faceDefaults.threshold,
  );
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible();
  await expect(page.getByTestId('needs-staff')).toHaveCount(0);
  await page.getByTestId('department-KHAM').click();
  await page.getByTestId('lane-normal').click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  const done = steps.find((s) => s.step === 'done');
  expect(done?.step === 'done' && done.visit.faceVerification).toEqual({
    decision: 'match',
    score: report.outcome === 'compared' ? report.score : -1,
    threshold: faceDefaults.threshold,
    liveness: 'live',
    model: expect.stringMatching(/^human-faceres@\d+\.\d+\.\d+$/),
  });
});

test('a still photo of the holder is the same face but fails liveness: staff decide', async () => {
  const file = path.join(media, 'holder-still.y4m');
  writeY4m(file, [cameraFrame(HOLDER)], 1);
  await startKiosk();
  const page = await withCamera(file);
  await readCardToConsent(page);
  expect(await seriousViolations(page)).toEqual([]);
  const sent = page.waitForRequest((r) => r.url().includes('/api/request/checkin.faceResult'), {
    timeout: 150_000,
  });
  await page.getByTestId('face-consent-yes').click();
  await expect(page.getByTestId('face-camera')).toBeVisible();
  // The instruction the person acts on, once the model sees the face.
  await expect(page.getByTestId('face-camera')).toHaveAttribute('data-guide', 'turn-head', {
    timeout: 60_000,
  });
  expect(await seriousViolations(page)).toEqual([]);
  const report = (await sent).postDataJSON() as FaceCheckReport;
  expect(report).toMatchObject({ outcome: 'compared', liveness: 'not-live' });
  expect(report.outcome === 'compared' && report.score).toBeGreaterThanOrEqual(
    faceDefaults.threshold,
  );
  await expect(page.getByTestId('needs-staff')).toHaveAttribute(
    'data-code',
    'CHECKIN_FACE_NO_MATCH',
  );
});

test('somebody else in front of the camera does not match the chip photo', async () => {
  const file = path.join(media, 'other.y4m');
  const frame = cameraFrame(OTHER);
  writeY4m(file, [frame, mirror(frame)], 15);
  await startKiosk();
  const page = await withCamera(file);
  await readCardToConsent(page);
  const report = await runCheck(page);
  expect(report.outcome).toBe('compared');
  expect(report.outcome === 'compared' && report.score).toBeLessThan(faceDefaults.threshold);
  await expect(page.getByTestId('needs-staff')).toHaveAttribute(
    'data-code',
    'CHECKIN_FACE_NO_MATCH',
  );
});

test('"Không, bỏ qua / No, skip" goes on without the camera; the visit says declined', async () => {
  await startKiosk();
  const page = await withCamera(null);
  await readCardToConsent(page);
  await page.getByTestId('face-consent-no').click();
  await expect(page.getByTestId('kiosk-choose-department')).toBeVisible();
  await page.getByTestId('department-KHAM').click();
  await page.getByTestId('lane-normal').click();
  await expect(page.getByTestId('kiosk-done')).toBeVisible({ timeout: 30_000 });
  const done = steps.find((s) => s.step === 'done');
  expect(done?.step === 'done' && done.visit.faceVerification?.decision).toBe('declined');
});
