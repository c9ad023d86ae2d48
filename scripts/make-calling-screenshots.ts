/**
 * Screenshots of calling patients in, for docs/screens/: the room station's caller in Vietnamese
 * and English, and the waiting-room display (Vietnamese then English on one screen), with and
 * without masked names. Real services and web host; the people are the simulator's made-up ones.
 *
 *   npx electron-vite build && npx tsx scripts/make-calling-screenshots.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { seedWaiting, serveMode } from '../tests/e2e/support/calling-stations';
import { startTestHost } from '../tests/e2e/support/web-host';

const OUT = path.resolve(process.argv[2] ?? 'docs/screens');
const TIMEZONE = 'Asia/Ho_Chi_Minh';

async function shots(browser: Browser, maskedNames: boolean): Promise<string[]> {
  const host = await startTestHost({
    config: { version: 1, queue: { display: { maskedNames, sound: false } } },
  });
  const files: string[] = [];
  try {
    await seedWaiting(host, ['normal', 'elderly', 'normal', 'normal', 'child']);
    await seedWaiting(host, ['child', 'child'], 'NHI');
    const room = await serveMode(host, 'room');
    const display = await serveMode(host, 'display');
    try {
      // A morning's calls: three called and one in the room at 101, one at 205.
      for (let i = 0; i < 3; i++) await host.services.calling.callNext('101');
      await host.services.calling.callNext('205');
      const page = await browser.newPage({
        viewport: { width: 1100, height: 700 },
        timezoneId: TIMEZONE,
      });
      await page.goto(room.url);
      await page.getByTestId('caller-call-next').click();
      await page.getByTestId('caller-current').getByText('Đã gọi').waitFor();
      if (!maskedNames) {
        for (const language of ['vi', 'en'] as const) {
          if (language === 'en') await page.getByTestId('language-switch').click();
          const file = `room-caller.${language}.png`;
          await page.screenshot({ path: path.join(OUT, file) });
          files.push(file);
        }
      }
      await page.close();

      const board = await browser.newPage({
        viewport: { width: 1920, height: 1080 },
        timezoneId: TIMEZONE,
      });
      await board.goto(display.url);
      await board.getByTestId('display-number').waitFor();
      const file = maskedNames ? 'display-board-masked-names.png' : 'display-board.png';
      await board.screenshot({ path: path.join(OUT, file) });
      files.push(file);
      await board.close();
    } finally {
      await room.close();
      await display.close();
    }
  } finally {
    await host.close();
  }
  return files;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const files = [...(await shots(browser, false)), ...(await shots(browser, true))];
    process.stdout.write(`${files.map((f) => path.join(OUT, f)).join('\n')}\n`);
  } finally {
    await browser.close();
  }
}

void main();
