/**
 * Screenshots of every kiosk state and every desk state, in Vietnamese and English, for docs/screens/.
 * The real renderer over the real web host, driven by a scripted station so that each state is
 * shown exactly (a read at 60 %, a stale cached result, a printer out of paper).
 *
 *   npx electron-vite build && npx tsx scripts/make-screenshots.ts [outDir]
 */
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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
import { kioskError } from '../src/shared/errors';
import { BROWSER_ARGS, cameraArgs } from '../tests/e2e/support/chromium-args';
import { scanText } from '../tests/e2e/support/scanner';
import { parseConfig } from '../src/main/config/load-config';
import { defaultLogoDataUrl } from '../src/main/print/slip-assets';
import { buildSlipModel } from '../src/main/print/slip-model';
import { renderSlipHtml } from '../src/main/print/slip-html';
import { SIM_CARD_ONLY_PEOPLE } from '../src/sim/data/identities';

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

/** Issue 21: every patient who walks in (the keypad, a child's BHYT QR, desk tickets, VNeID). */
const child = SIM_CARD_ONLY_PEOPLE[0]!;
const childPatient: CheckinState & { step: 'choose-department' } = {
  step: 'choose-department',
  patient: {
    idNumber: '',
    fullName: child.card.fullName,
    dateOfBirth: child.card.dateOfBirth,
    sex: child.card.sex,
    cardNumber: child.insurance.cardNumber,
    source: 'qr',
    photoDataUrl: null,
    photoFormat: null,
    passiveAuthentication: null,
    chipAuthentication: null,
    idNumberCheck: null,
  },
  insurance: insuredOnline(100),
  needsStaff: null,
  existingVisits: [],
  priority: { lane: 'child', reason: { vi: '3 tuổi', en: '3 years old' } },
};
const childVisit: Visit = scriptedVisit(1, {
  id: 'visit-child',
  department: 'NHI',
  lane: 'child',
  queueNumber: 'K01-NHI-E-003',
  queueSeq: 3,
  patient: {
    idNumber: '',
    fullName: child.card.fullName,
    dateOfBirth: child.card.dateOfBirth,
    sex: child.card.sex,
    cardNumber: child.insurance.cardNumber,
  },
  identitySource: 'qr',
  document: 'bhyt-qr',
  priority: childPatient.priority,
  guardianName: child.guardianName,
  insurance: insuredOnline(100),
});
const elderly = scriptedPatient(3, photoOf(3));
const RECEPTION = { code: 'TD', name: { vi: 'Quầy tiếp đón', en: 'Reception desk' } };
const unknownPerson = { idNumber: '', fullName: '', dateOfBirth: null, sex: null };
const ticket = (n: number, document: Visit['document']): Visit =>
  scriptedVisit(n, {
    id: `ticket-${n}`,
    department: RECEPTION.code,
    queueNumber: `K01-TD-T-00${n}`,
    queueSeq: n,
    patient: unknownPerson,
    identitySource: 'typed',
    document,
    insurance: { source: 'pending', result: null, cachedAt: null, stale: false, note: null },
  });
const vneidRefused = kioskError(
  'INPUT_VNEID_QR',
  'Mã QR của VNeID chỉ cán bộ kiểm tra bằng ứng dụng VNeID. Vui lòng đặt thẻ căn cước lên đầu đọc, quét mã trên thẻ BHYT (hoặc VssID), nhập số căn cước, hoặc đến quầy tiếp đón.',
  "A VNeID QR code can only be checked by an officer's VNeID app. Place your CCCD on the reader, scan your BHYT card (or VssID), type your ID number, or go to the reception desk.",
);

async function press(page: Page, testIds: string[]): Promise<void> {
  for (const id of testIds) await page.getByTestId(id).click();
}

/** The idle screen stays mounted from one shot to the next: its keypad starts empty each time. */
const onFreshKeypad = (page: Page, testIds: string[]) =>
  press(page, ['keypad-mode-digits', 'key-clear', ...testIds]);

/** The kiosk's "go to the reception desk" with the ticket's number. */
const ticketDone = (name: string, visit: Visit): Shot => ({
  name,
  state: { step: 'done', visit, reprint: false, printError: null, deskTicket: true },
  testId: 'done-desk-ticket',
});

const ARRIVAL_SHOTS: Shot[] = [
  {
    name: 'keypad-digits',
    state: { step: 'idle' },
    testId: 'kiosk-idle',
    then: (page) =>
      onFreshKeypad(
        page,
        [...'00109900'].map((d) => `key-${d}`),
      ),
  },
  {
    name: 'keypad-bhyt-groups',
    state: { step: 'idle' },
    testId: 'kiosk-idle',
    then: (page) => onFreshKeypad(page, ['keypad-mode-bhyt']),
  },
  {
    name: 'keypad-bhyt-digits',
    state: { step: 'idle' },
    testId: 'kiosk-idle',
    then: (page) =>
      onFreshKeypad(page, ['keypad-mode-bhyt', 'group-TE', 'key-1', 'key-0', 'key-1']),
  },
  {
    name: 'keypad-bhyt-letters',
    state: { step: 'idle' },
    testId: 'kiosk-idle',
    then: (page) =>
      onFreshKeypad(page, [
        'keypad-mode-bhyt',
        'group-DN',
        'key-4',
        'key-0',
        'key-1',
        'key-letters',
      ]),
  },
  {
    name: 'vneid-advice',
    state: { step: 'idle' },
    testId: 'kiosk-idle',
    then: async (page) => {
      await onFreshKeypad(page, []);
      await scanText(page, 'https://vneid.gov.vn/verify?token=0000000000000000');
      await page.getByTestId('action-error').waitFor();
    },
  },
  {
    name: 'child-bhyt-qr-lane',
    state: childPatient,
    testId: 'kiosk-choose-department',
    then: async (page) => {
      await page.getByTestId('department-NHI').click();
      await page.getByTestId('lane-priority-reason').waitFor();
    },
  },
  {
    name: 'done-child-bhyt-qr',
    state: { step: 'done', visit: childVisit, reprint: false, printError: null },
    testId: 'kiosk-done',
  },
  {
    name: 'priority-by-law-lane',
    state: {
      step: 'choose-department',
      patient: elderly,
      insurance: insuredOnline(100),
      needsStaff: null,
      existingVisits: [],
      priority: { lane: 'elderly', reason: { vi: '78 tuổi', en: '78 years old' } },
    },
    testId: 'kiosk-choose-department',
    then: async (page) => {
      await page.getByTestId('department-KHAM').click();
      await page.getByTestId('lane-priority-reason').waitFor();
    },
  },
  ticketDone('desk-ticket-typed-number', ticket(1, 'typed-bhyt')),
  ticketDone('desk-ticket-no-documents', ticket(2, 'none')),
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
  for (const shot of [...KIOSK_SHOTS, ...ARRIVAL_SHOTS]) {
    station.push({ step: 'idle' });
    await page.getByTestId('kiosk-idle').waitFor();
    // A session's end puts a kiosk back in the station's language: choose it again each time.
    await setLanguage(page, language);
    station.push(shot.state);
    await page.getByTestId(shot.testId).waitFor();
    await shot.then?.(page);
    await settle(page);
    const file = `kiosk-${shot.name}.${language}.png`;
    // The whole screen, also what a long text or the letter grid pushes below the fold.
    await page.screenshot({ path: path.join(OUT, file), fullPage: true });
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
  {
    // Issue 21: staff complete a no-papers ticket; the person showed the VNeID app.
    name: 'complete-ticket',
    state: { step: 'idle' },
    readerState: 'empty',
    visits: [...todaysVisits, ticket(1, 'typed-bhyt'), ticket(2, 'none')],
    then: async (page) => {
      await page.getByTestId('visit-K01-TD-T-002').getByTestId('visit-complete-ticket').click();
      await page.getByTestId('manual-ticket').waitFor();
      const person = scriptedPatient(6);
      await page.getByTestId('manual-idNumber').fill(person.idNumber);
      await page.getByTestId('manual-fullName').fill(person.fullName);
      await page.getByTestId('manual-vneid').check();
    },
  },
  {
    // Issue 21: the completed ticket goes on to a clinic with the number the patient holds.
    name: 'send-ticket-on',
    state: { step: 'idle' },
    readerState: 'empty',
    visits: [
      ...todaysVisits,
      {
        ...ticket(2, 'vneid-desk'),
        patient: { ...scriptedVisit(6).patient },
        insurance: insuredOnline(80),
      },
    ],
    then: async (page) => {
      await page.getByTestId('visit-K01-TD-T-002').getByTestId('visit-send-on').click();
      await page.getByTestId('send-on-department').selectOption('SAN');
    },
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

/**
 * A child's slip with the guardian the BHYT card names (issue 21), as the printer gets it: the
 * slip's HTML in Chromium. `vi`: a Vietnamese-only printer; `en`: printer.language vi+en.
 */
async function slipShots(browser: Browser): Promise<string[]> {
  const files: string[] = [];
  for (const language of ['vi', 'en'] as const) {
    const config = parseConfig(
      {
        printer: {
          timeZone: TIMEZONE,
          language: language === 'vi' ? 'vi' : 'vi+en',
        },
      },
      'docs',
    );
    const model = buildSlipModel(childVisit, config, { logoDataUrl: defaultLogoDataUrl() });
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.setContent(renderSlipHtml(model, '80mm'));
    await settle(page);
    const file = `slip-child-guardian.${language}.png`;
    await page.locator('.slip').screenshot({ path: path.join(OUT, file) });
    await page.close();
    files.push(file);
  }
  return files;
}

/**
 * The face check (issue 23): the consent question, then the camera step. Its own station (the
 * face check on) and its own Chromium, whose fake camera plays a test pattern: no real face.
 */
async function faceShots(): Promise<string[]> {
  const station = await startScriptedStation({
    info: {
      reception: RECEPTION,
      face: { policy: 'optional', enabled: true, cameraSeconds: 600, speak: false },
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...BROWSER_ARGS, ...cameraArgs('pattern')],
  });
  const files: string[] = [];
  try {
    for (const language of ['vi', 'en'] as const) {
      const page = await browser.newPage({ viewport: KIOSK_VIEWPORT, timezoneId: TIMEZONE });
      await page.goto(station.url);
      await page.getByTestId('kiosk-idle').waitFor();
      await setLanguage(page, language);
      station.push(choosingInsured);
      await page.getByTestId('face-consent').waitFor();
      await settle(page);
      files.push(`kiosk-face-consent.${language}.png`);
      await page.screenshot({ path: path.join(OUT, files.at(-1)!) });
      await page.getByTestId('face-consent-yes').click();
      await page.getByTestId('face-camera').waitFor();
      await page.waitForFunction(() => {
        const video = document.querySelector('video');
        return video !== null && video.readyState >= 2;
      });
      await settle(page);
      files.push(`kiosk-face-camera.${language}.png`);
      await page.screenshot({ path: path.join(OUT, files.at(-1)!) });
      await page.close();
      station.push({ step: 'idle' });
    }
  } finally {
    await browser.close();
    await station.close();
  }
  return files;
}

/**
 * What the index says after this script's table (other scripts' screens, written by hand): kept
 * when the index is written again.
 */
function keptAfterTable(file: string): string {
  if (!existsSync(file)) return '';
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  if (start < 0) return '';
  let end = start;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  const rest = lines.slice(end).join('\n').trim();
  return rest ? `\n${rest}\n` : '';
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const station = await startScriptedStation({ info: { reception: RECEPTION } });
  // What main answers a scanned VNeID QR (the vneid-advice shot scans one).
  station.answer('checkin.present', async () => {
    throw vneidRefused;
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: BROWSER_ARGS,
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
    files.push(...(await slipShots(browser)));
  } finally {
    await browser.close();
    await station.close();
  }
  files.push(...(await faceShots()));
  const index = [
    '# Screens',
    '',
    'Made by `scripts/make-screenshots.ts` (the built renderer over the web host, driven by a',
    "scripted station; every person is from the simulator's made-up catalog). Kiosk at",
    `${KIOSK_VIEWPORT.width}×${KIOSK_VIEWPORT.height}, desk at ${DESK_VIEWPORT.width}×${DESK_VIEWPORT.height} (the whole page`,
    'when it is longer). `slip-child-guardian`: the 80 mm slip of a child checked in by the BHYT',
    "card QR, naming the card's guardian (`vi`: printer.language vi; `en`: vi+en). The face check's",
    "camera shows Chromium's fake camera pattern, not a face.",
    '',
    '| Screen | Tiếng Việt | English |',
    '| --- | --- | --- |',
    ...[...new Set(files.map((f) => f.replace(/\.(vi|en)\.png$/, '')))].map(
      (name) => `| ${name} | ![](${name}.vi.png) | ![](${name}.en.png) |`,
    ),
    '',
  ].join('\n');
  writeFileSync(path.join(OUT, 'README.md'), index + keptAfterTable(path.join(OUT, 'README.md')));
  console.log(`${files.length} screenshots in ${path.relative(process.cwd(), OUT)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
