/**
 * Issue 20, item 5: the web host started as the app (no Electron, no lockdown) refuses kiosk and
 * display modes unless started for testing, and its secret travels on no command line or stdout.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  browserArgs,
  openerPage,
  startedForTesting,
  webHostStartRefusal,
} from '../../../src/main/web-host/start-policy';
import { runCliHarness } from '../../integration/support/run-cli';

const START = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../src/main/web-host/start.node.ts',
);

describe('web host start: which modes', () => {
  it('refuses kiosk and display without the lockdown, unless started for testing', () => {
    for (const mode of ['kiosk', 'display'] as const) {
      const refusal = webHostStartRefusal(mode, false);
      expect(refusal?.code).toBe('WEB_HOST_MODE_REFUSED');
      expect(refusal?.localized.vi).toBeTruthy();
      expect(refusal?.localized.en).toContain('KIOSK_WEB_HOST_TESTING=1');
      expect(webHostStartRefusal(mode, true)).toBeNull();
    }
    expect(webHostStartRefusal('desk', false)).toBeNull();
    expect(webHostStartRefusal('room', false)).toBeNull();
  });

  it('"for testing" is the flag or the variable set to 1, nothing else', () => {
    expect(startedForTesting(['--for-testing'], {})).toBe(true);
    expect(startedForTesting([], { KIOSK_WEB_HOST_TESTING: '1' })).toBe(true);
    expect(startedForTesting([], { KIOSK_WEB_HOST_TESTING: '0' })).toBe(false);
    expect(startedForTesting(['--open'], {})).toBe(false);
  });

  it('npm start without Electron in kiosk mode stops before serving anything', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-webstart-'));
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ station: { mode: 'kiosk' } }));
    const run = await runCliHarness(START, dir, ['--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('WEB_HOST_MODE_REFUSED');
    expect(run.stdout).not.toContain('serving');
  });
});

describe('web host start: the secret', () => {
  const url = 'http://127.0.0.1:41234/#secret=s3cr3t-per-start';
  it('the browser is handed the opener file, never the secret URL', () => {
    const args = browserArgs('/data/run/web-host-open.html');
    expect(args.join(' ')).not.toContain('s3cr3t');
    expect(args).toContain('--app=file:///data/run/web-host-open.html');
  });

  it('the opener forwards to the secret URL, and a URL cannot break out of its script', () => {
    expect(openerPage(url)).toContain(`location.replace(${JSON.stringify(url)})`);
    expect(openerPage('http://x/#</script><script>alert(1)</script>')).not.toContain(
      '</script><script>',
    );
  });
});
