/**
 * The officer who asks (issue 22), end to end in Chromium: a desk officer signs in with her own
 * CCCD on the simulated reader (a catalog identity), checks a patient in by typed identity, the
 * simulated gateway records the hoTenCb / cccdCb it received, the visit shows her action, and
 * the audit export lists it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { simIdentity, simQrText } from '../../src/sim/data/identities';
import type { SimGatewayHandle } from '../../src/sim/insurance/sim-gateway';
import { runCliHarness } from '../integration/support/run-cli';
import { submitManualEntry } from './support/desk-page';
import { insertCard } from './support/kiosk-page';
import { startTestHost, type TestHost } from './support/web-host';

const HARNESS = path.resolve('tests/integration/his/cli-harness.ts');
const OFFICER = simIdentity(3); // made-up catalog person, on staff here
const PATIENT = simIdentity(21).card; // the history holds a stay elsewhere without discharge

let host: TestHost;

test.beforeEach(async () => {
  host = await startTestHost({
    config: { station: { mode: 'desk' }, staff: { signInRequired: true } },
  });
});

test.afterEach(async () => {
  await host?.close();
});

test('an officer signs in with her card, checks a patient in, the lookup and the audit carry her', async ({
  page,
}) => {
  await page.goto(host.deskUrl);
  const panel = page.getByTestId('officer-panel');
  await expect(panel.getByTestId('officer-card-form')).toBeVisible();

  // Her card on the reader: the desk asks for its key; she scans her card's QR into the form.
  await insertCard(page, OFFICER.index);
  await expect(page.getByTestId('desk-checkin')).toHaveAttribute('data-step', 'need-key');
  await panel.getByTestId('officer-card-key').fill(simQrText(OFFICER));
  await panel.getByTestId('officer-card-submit').click();
  await expect(panel.getByTestId('officer-signed-in')).toHaveAttribute('data-method', 'card');
  await expect(panel.getByTestId('officer-name')).toHaveText(OFFICER.card.fullName);
  // Her card is not a patient: the check-in is back to idle, nothing of hers looked up.
  await expect(page.getByTestId('desk-checkin')).toHaveAttribute('data-step', 'idle');
  expect(
    (host.services.simulatedGateway as SimGatewayHandle)
      .received()
      .filter((r) => r.call !== 'token'),
  ).toEqual([]);
  // She takes her card back (the dev panel's button sits under the desk's right column here).
  await host.services.handlers['sim.removeCard'](null);
  // The developer panel is put away: open, it lies over the desk's right column (the list).
  await page.getByTestId('dev-toggle').click();
  await expect(page.getByTestId('dev-toggle')).toHaveAttribute('aria-expanded', 'false');

  await submitManualEntry(page, {
    idNumber: PATIENT.idNumber,
    fullName: PATIENT.fullName,
    dateOfBirth: PATIENT.dateOfBirth!,
    sex: PATIENT.sex!,
  });
  const checkin = page.getByTestId('desk-checkin');
  await expect(checkin).toHaveAttribute('data-step', 'choose-department', { timeout: 30_000 });
  // The history arrives beside the card check: the stay elsewhere is a warning at the desk.
  await expect(checkin.getByTestId('history-open-stay')).toContainText('79024', {
    timeout: 30_000,
  });
  await page.getByTestId('desk-department').selectOption('KHAM');
  await page.getByTestId('desk-choose-submit').click();
  await expect(checkin).toHaveAttribute('data-step', 'done', { timeout: 30_000 });
  const number = (await checkin.getByTestId('queue-number').textContent())!.trim();

  const asked = (host.services.simulatedGateway as SimGatewayHandle)
    .received()
    .filter((r) => r.call !== 'token');
  expect(asked.map((r) => r.call).sort()).toEqual(['check', 'history']);
  for (const r of asked) {
    expect(r).toMatchObject({
      encoding: 'form',
      hoTenCb: OFFICER.card.fullName,
      cccdCb: OFFICER.card.idNumber,
    });
  }

  // The visit's history of staff actions names her.
  const row = page.getByTestId(`visit-${number}`);
  await row.getByTestId('visit-audit-toggle').click();
  const entry = page.getByTestId('visit-audit-entry');
  await expect(entry).toHaveAttribute('data-action', 'manual-identity');
  await expect(entry).toContainText(OFFICER.card.fullName);

  // The audit export lists her sign-in and her action on the visit.
  const day = (await host.services.visits.list({})).find((v) => v.queueNumber === number)!.date;
  const out = path.join(host.dataDir, 'audit.csv');
  const r = await runCliHarness(HARNESS, host.dataDir, [
    'audit',
    '--from',
    day,
    '--to',
    day,
    '--out',
    out,
  ]);
  expect(r.stderr).toBe('');
  const lines = fs.readFileSync(out, 'utf8').split('\r\n');
  const signIn = lines.find((l) => l.includes(',sign-in,'));
  const manual = lines.find((l) => l.includes(',manual-identity,'));
  expect(signIn).toContain(`${OFFICER.card.fullName},${OFFICER.card.idNumber}`);
  expect(manual).toContain(`${OFFICER.card.fullName},${OFFICER.card.idNumber}`);
});
