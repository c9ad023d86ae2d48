/**
 * Screenshots of every kiosk state and every desk state, in Vietnamese and English, for docs/screens/.
 * The real renderer over the real web host, driven by a scripted station so that each state is
 * shown exactly (a read at 60 %, a stale cached result, a printer out of paper).
 *
 *   npx electron-vite build && npx tsx scripts/make-screenshots.ts [outDir]
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type {
  CheckinState,
  GatewayStatus,
  Language,
  RecheckSummary,
  ReaderState,
  Visit,
} from '../src/shared/domain';
import {
  insuredOnline,
  ONLINE,
  SCRIPTED_READER,
  scriptedPatient,
  scriptedVisit,
  startScriptedStation,
  type ScriptedStation,
} from '../tests/e2e/support/scripted-station';

const OUT = path.resolve(process.argv[2] ?? 'docs/screens');
const KIOSK_VIEWPORT = { width: 1280, height: 1024 };
const DESK_VIEWPORT = { width: 1440, height: 960 };
/** Times on screen are the station's local time; the hospitals are in Vietnam. */
const TIMEZONE = 'Asia/Ho_Chi_Minh';

function photoOf(index: number): string {
  const file = `resources/sim-photos/identity-${String(index).padStart(2, '0')}.jpg`;
  return `data:image/jpeg;base64,${readFileSync(file).toString('base64')}`;
}
const patient = scriptedPatient(1, photoOf(1));
const longNamePatient = scriptedPatient(2);
const visit = scriptedVisit(1, { queueNumber: 'K01-KHAM-012', queueSeq: 12 });

const choosingInsured: CheckinState = {
  step: 'choose-department',
  patient,
  insurance: insuredOnline(80),
  needsStaff: null,
  existingVisits: [],
};

const cardRemoved = {
  code: 'CARD_REMOVED',
  message: {
    vi: 'Thẻ đã bị nhấc ra khi đang đọc.',
    en: 'The card was lifted off the reader while it was being read.',
  },
  retryable: true,
};
const wrongKey = {
  code: 'CARD_WRONG_KEY',
  message: {
    vi: 'Mã QR vừa quét không khớp với thẻ trên đầu đọc.',
    en: 'The QR code scanned does not match the card on the reader.',
  },
  retryable: true,
};
const noPaper = {
  code: 'PRINT_NO_PAPER',
  message: { vi: 'Máy in đã hết giấy.', en: 'The printer is out of paper.' },
  retryable: true,
};
const serviceDown = {
  code: 'INSURANCE_UNAVAILABLE',
  message: {
    vi: 'Không kết nối được cổng tra cứu BHXH.',
    en: 'The BHXH lookup service cannot be reached.',
  },
  retryable: true,
};

interface Shot {
  name: string;
  state: CheckinState;
  testId: string;
  /** Extra steps after the state is shown (e.g. pick a department to reach the lane screen). */
  then?: (page: Page) => Promise<void>;
}

const KIOSK_SHOTS: Shot[] = [
  { name: 'idle', state: { step: 'idle' }, testId: 'kiosk-idle' },
  {
    name: 'need-key',
    state: { step: 'need-key', reader: 'R', lastError: null },
    testId: 'kiosk-need-key',
  },
  {
    name: 'need-key-wrong-qr',
    state: { step: 'need-key', reader: 'R', lastError: wrongKey },
    testId: 'kiosk-need-key',
  },
  { name: 'need-card', state: { step: 'need-card' }, testId: 'kiosk-need-card' },
  {
    name: 'reading',
    state: { step: 'reading', progress: { phase: 'photo', percent: 62 } },
    testId: 'kiosk-reading',
  },
  { name: 'looking-up', state: { step: 'looking-up', patient }, testId: 'kiosk-looking-up' },
  {
    name: 'choose-department',
    state: choosingInsured,
    testId: 'kiosk-choose-department',
  },
  {
    name: 'choose-department-offline',
    state: {
      step: 'choose-department',
      patient: longNamePatient,
      insurance: {
        ...insuredOnline(100, '2026-11-20T09:30:00.000+07:00'),
        source: 'cache',
        cachedAt: '2026-11-20T09:30:00.000+07:00',
      },
      needsStaff: null,
      existingVisits: [],
    },
    testId: 'kiosk-choose-department',
  },
  {
    name: 'choose-department-needs-staff',
    state: {
      step: 'choose-department',
      patient,
      insurance: { source: 'pending', result: null, cachedAt: null, stale: false, note: null },
      needsStaff: serviceDown,
      existingVisits: [],
    },
    testId: 'kiosk-choose-department',
  },
  {
    name: 'choose-lane',
    state: choosingInsured,
    testId: 'kiosk-choose-department',
    then: async (page) => {
      await page.getByTestId('department-KHAM').click();
      await page.getByTestId('kiosk-choose-lane').waitFor();
    },
  },
  { name: 'printing', state: { step: 'printing', visit }, testId: 'kiosk-printing' },
  {
    name: 'done',
    state: { step: 'done', visit, reprint: false, printError: null },
    testId: 'kiosk-done',
  },
  {
    name: 'done-print-failed',
    state: {
      step: 'done',
      visit: { ...visit, lane: 'elderly' },
      reprint: false,
      printError: noPaper,
    },
    testId: 'kiosk-done',
  },
  {
    name: 'error-card-removed',
    state: { step: 'error', error: cardRemoved, canRetry: true },
    testId: 'kiosk-error',
  },
];

async function setLanguage(page: Page, language: Language): Promise<void> {
  const current = await page.locator('html').getAttribute('lang');
  if (current !== language) await page.getByTestId('language-switch').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function settle(page: Page): Promise<void> {
  // Fonts must be in before the picture is taken, or diacritics show in a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(150);
}

async function kioskShots(
  station: ScriptedStation,
  page: Page,
  language: Language,
): Promise<string[]> {
  const files: string[] = [];
  await page.goto(station.url);
  await page.getByTestId('kiosk-idle').waitFor();
  await setLanguage(page, language);
  for (const shot of KIOSK_SHOTS) {
    station.push({ step: 'idle' });
    await page.getByTestId('kiosk-idle').waitFor();
    station.push(shot.state);
    await page.getByTestId(shot.testId).waitFor();
    await shot.then?.(page);
    await settle(page);
    const file = `kiosk-${shot.name}.${language}.png`;
    await page.screenshot({ path: path.join(OUT, file) });
    files.push(file);
  }
  return files;
}

/** What the station tells the desk besides the check-in: readers, lookup service, list, re-checks. */
interface DeskShot {
  name: string;
  state: CheckinState;
  readerState?: ReaderState;
  gateway?: GatewayStatus;
  visits?: Visit[];
  recheck?: RecheckSummary;
  /** Staff's steps after the screen is up (open a form, type into it). */
  then?: (page: Page, language: Language) => Promise<void>;
}

const deskPatient = scriptedPatient(5, photoOf(5));
const deskVisit = scriptedVisit(5, {
  queueNumber: 'K01-KHAM-004',
  queueSeq: 4,
  createdAt: '2026-11-23T08:25:00.000+07:00',
});

const todaysVisits: Visit[] = [
  scriptedVisit(1, { queueNumber: 'K01-KHAM-001' }),
  scriptedVisit(2, { queueNumber: 'K01-KHAM-002', printStatus: 'failed' }),
  scriptedVisit(3, { queueNumber: 'K01-KHAM-003', lane: 'elderly' }),
  scriptedVisit(8, {
    queueNumber: 'K01-SAN-001',
    department: 'SAN',
    insurance: { source: 'self-pay', result: null, cachedAt: null, stale: false, note: null },
  }),
];

const gatewayOffline: GatewayStatus = {
  state: 'offline',
  circuit: 'open',
  lastSuccessAt: '2026-11-23T08:10:00.000+07:00',
  lastFailure: serviceDown,
  simulated: true,
};

const flaggedRechecks: RecheckSummary = {
  pending: 1,
  flagged: [
    {
      id: 'd-1',
      visitId: 'visit-2',
      queueNumber: 'K01-KHAM-002',
      patientName: todaysVisits[1]!.patient.fullName,
      usedAtCheckin: { code: '000', outcome: 'insured', source: 'cache' },
      recheck: { code: '010', outcome: 'not-insured', checkedAt: '2026-11-23T09:02:00.000+07:00' },
      resolved: false,
    },
  ],
};

const cancelReason: Record<Language, string> = {
  vi: 'Người bệnh về, không khám nữa',
  en: 'Patient left without being seen',
};

const DESK_SHOTS: DeskShot[] = [
  { name: 'idle', state: { step: 'idle' }, readerState: 'empty' },
  {
    name: 'reading',
    state: { step: 'reading', progress: { phase: 'photo', percent: 62 } },
    readerState: 'reading',
  },
  {
    name: 'choose-department-needs-staff',
    state: {
      step: 'choose-department',
      patient: deskPatient,
      insurance: {
        ...insuredOnline(80, '2026-11-19T10:00:00.000+07:00'),
        source: 'cache',
        cachedAt: '2026-11-19T10:00:00.000+07:00',
        stale: true,
      },
      needsStaff: serviceDown,
      existingVisits: [],
    },
    gateway: gatewayOffline,
  },
  {
    name: 'done',
    state: { step: 'done', visit: deskVisit, reprint: false, printError: null },
    visits: [...todaysVisits, deskVisit],
  },
  {
    name: 'cancel-form',
    state: { step: 'idle' },
    readerState: 'empty',
    then: async (page, language) => {
      await page.getByTestId('visit-K01-KHAM-001').getByTestId('visit-cancel').click();
      await page.getByTestId('cancel-reason').fill(cancelReason[language]);
    },
  },
  {
    name: 'recheck-flagged',
    state: { step: 'idle' },
    readerState: 'empty',
    visits: todaysVisits.map((v) => (v.id === 'visit-2' ? { ...v, flagged: true } : v)),
    recheck: flaggedRechecks,
  },
  {
    name: 'manual-entry-errors',
    state: { step: 'idle' },
    readerState: 'empty',
    then: async (page) => {
      await page.getByTestId('manual-idNumber').fill('00108501234');
      await page.getByTestId('manual-fullName').fill('Nguyễn Văn An');
      await page.getByTestId('manual-dateOfBirth').fill('31/02/1985');
      await page.getByTestId('manual-submit').click();
      await page.getByTestId('manual-idNumber-error').waitFor();
    },
  },
  {
    name: 'gateway-offline',
    state: { step: 'idle' },
    readerState: 'empty',
    gateway: gatewayOffline,
  },
];

/** Each desk screen starts from a fresh page so that no form opened for the last one stays open. */
async function deskShots(
  station: ScriptedStation,
  page: Page,
  language: Language,
): Promise<string[]> {
  const files: string[] = [];
  for (const shot of DESK_SHOTS) {
    const readers = [{ ...SCRIPTED_READER, state: shot.readerState ?? 'card-present' }];
    station.answer('readers.list', async () => readers);
    station.answer('gateway.status', async () => shot.gateway ?? ONLINE);
    station.answer('visits.list', async () => shot.visits ?? todaysVisits);
    station.answer('recheck.summary', async () => shot.recheck ?? { pending: 0, flagged: [] });
    station.push(shot.state);
    // The desk address differs from itself only in its #fragment, which the browser would treat
    // as a jump within the page: leave it first so that the page really loads again.
    await page.goto('about:blank');
    await page.goto(station.deskUrl);
    await page.getByTestId('desk-screen').waitFor();
    await setLanguage(page, language);
    await page.locator(`[data-testid="desk-checkin"][data-step="${shot.state.step}"]`).waitFor();
    await page.getByTestId('visits-table').getByText('K01-KHAM-003').waitFor();
    await shot.then?.(page, language);
    await settle(page);
    const file = `desk-${shot.name}.${language}.png`;
    await page.screenshot({ path: path.join(OUT, file), fullPage: true });
    files.push(file);
  }
  // The kiosk screens that follow expect a plain station: one reader, the service online.
  station.answer('readers.list', async () => [SCRIPTED_READER]);
  station.answer('gateway.status', async () => ONLINE);
  return files;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const station = await startScriptedStation();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const files: string[] = [];
  try {
    for (const language of ['vi', 'en'] as const) {
      const kiosk = await browser.newPage({ viewport: KIOSK_VIEWPORT, timezoneId: TIMEZONE });
      files.push(...(await kioskShots(station, kiosk, language)));
      await kiosk.close();
      const desk = await browser.newPage({ viewport: DESK_VIEWPORT, timezoneId: TIMEZONE });
      files.push(...(await deskShots(station, desk, language)));
      await desk.close();
    }
  } finally {
    await browser.close();
    await station.close();
  }
  const index = [
    '# Screens',
    '',
    'Made by `scripts/make-screenshots.ts` (the built renderer over the web host, driven by a',
    "scripted station; every person is from the simulator's made-up catalog). Kiosk at",
    `${KIOSK_VIEWPORT.width}×${KIOSK_VIEWPORT.height}, desk at ${DESK_VIEWPORT.width}×${DESK_VIEWPORT.height}.`,
    '',
    '| Screen | Tiếng Việt | English |',
    '| --- | --- | --- |',
    ...[...new Set(files.map((f) => f.replace(/\.(vi|en)\.png$/, '')))].map(
      (name) => `| ${name} | ![](${name}.vi.png) | ![](${name}.en.png) |`,
    ),
    '',
  ].join('\n');
  writeFileSync(path.join(OUT, 'README.md'), index);
  console.log(`${files.length} screenshots in ${path.relative(process.cwd(), OUT)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
