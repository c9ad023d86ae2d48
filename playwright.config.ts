import { defineConfig } from '@playwright/test';

/**
 * Two projects: the renderer in Debian's Chromium against the web host (always runs here), and
 * the real Electron app through `_electron` (its specs skip themselves, with the reason, when no
 * Electron binary is installed). Never `npx playwright install`: the browser is the system one.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/playwright-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./tests/e2e/support/skip-reporter.ts']],
  projects: [
    {
      name: 'chromium',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: ['electron/**/*.spec.ts'] },
  ],
});
