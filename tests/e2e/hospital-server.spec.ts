/**
 * One hospital, two stations, one PostgreSQL server (a real throwaway cluster started here): a
 * kiosk (K01) and a reception desk (D01), each with its own services and data folder as on two
 * machines, sharing only the server. A check-in at the kiosk takes the hospital's number
 * (no station prefix) and appears on the desk's open list without a reload; the desk then
 * finds the same person already checked in today (the check is hospital-wide).
 */
import { expect, test } from '@playwright/test';
import { simIdentity } from '../../src/sim/data/identities';
import { pgAvailable, startPgCluster, type PgCluster } from '../integration/support/pg-cluster';
import { submitManualEntry } from './support/desk-page';
import { checkInAtKiosk, removeCard } from './support/kiosk-page';
import { startTestHost, type TestHost } from './support/web-host';

const available = pgAvailable();
test.skip(!available.ok, available.ok ? '' : available.reason);

let pg: PgCluster | undefined;
let kiosk: TestHost | undefined;
let desk: TestHost | undefined;

function stationConfig(id: string, mode: 'kiosk' | 'desk', url: string) {
  return {
    station: { id, mode },
    store: { engine: 'postgres', postgres: { url, connectTimeoutMs: 2000 } },
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  pg = await startPgCluster();
  // The desk starts first and migrates the empty server; the kiosk then finds it current.
  desk = await startTestHost({ config: stationConfig('D01', 'desk', pg.url) });
  kiosk = await startTestHost({ config: stationConfig('K01', 'kiosk', pg.url) });
});

test.afterAll(async () => {
  await kiosk?.close();
  await desk?.close();
  await pg?.stop();
});

test('a check-in at the kiosk appears on the desk of another station', async ({ browser }) => {
  const deskPage = await browser.newPage();
  const kioskPage = await browser.newPage();
  try {
    await deskPage.goto(desk!.deskUrl);
    await expect(deskPage.getByTestId('desk-screen')).toBeVisible();
    await expect(deskPage.getByTestId('server-offline-banner')).toHaveCount(0);

    const person = simIdentity(2).card;
    await kioskPage.goto(kiosk!.url);
    const number = await checkInAtKiosk(kioskPage, 2);
    await removeCard(kioskPage);
    // The server's sequence for the room: no station prefix, not an offline number.
    expect(number).toMatch(/^KHAM-[A-Z]-\d{3}$/);

    // The desk hears it through the server (LISTEN/NOTIFY), with no reload.
    const row = deskPage.getByTestId(`visit-${number}`);
    await expect(row).toBeVisible({ timeout: 10_000 });
    await expect(row).toContainText(person.fullName);

    // The same person at the desk: already checked in today, at another station.
    await submitManualEntry(deskPage, {
      idNumber: person.idNumber,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth!,
      sex: person.sex!,
    });
    await expect(deskPage.getByTestId('existing-visits')).toContainText(number, {
      timeout: 30_000,
    });
    await expect(deskPage.getByTestId(`visit-${number}`)).toHaveCount(1);
  } finally {
    await deskPage.close();
    await kioskPage.close();
  }
});

test('with the server away the kiosk goes on offline, the desk says so, and the visit goes up once it is back', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const deskPage = await browser.newPage();
  const kioskPage = await browser.newPage();
  try {
    await deskPage.goto(desk!.deskUrl);
    await expect(deskPage.getByTestId('desk-screen')).toBeVisible();
    await pg!.pause();

    const person = simIdentity(4).card;
    await kioskPage.goto(kiosk!.url);
    const number = await checkInAtKiosk(kioskPage, 4);
    // The station's own offline sequence: it cannot collide with the server's numbers.
    expect(number).toMatch(/^K01-KHAM-O-\d{3}$/);

    // The desk's own link to the server drops too, and it tells the staff.
    await expect(deskPage.getByTestId('server-offline-banner')).toBeVisible({ timeout: 15_000 });

    await pg!.start();
    // Back: the kiosk uploads its visit once, keeping the printed number; the desk sees it.
    await expect(deskPage.getByTestId(`visit-${number}`)).toBeVisible({ timeout: 60_000 });
    await expect(deskPage.getByTestId(`visit-${number}`)).toContainText(person.fullName);
    await expect(deskPage.getByTestId('server-offline-banner')).toHaveCount(0, { timeout: 30_000 });
    await expect
      .poll(async () => (await kiosk!.services.handlers['store.status'](null)).waitingUpload, {
        timeout: 30_000,
      })
      .toBe(0);
  } finally {
    await deskPage.close();
    await kioskPage.close();
  }
});
