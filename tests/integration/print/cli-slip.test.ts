import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/main/config/load-config';
import { nullLogger } from '../../../src/main/logging/logger';
import { chromiumPath } from '../../../src/main/print/chromium-pdf-renderer';
import { sampleCheckIn } from '../support/sample-check-in';
import { openStore } from '../../../src/main/store';
import { closedPort, tempDataDir } from './support';

const TSX = path.resolve('node_modules/.bin/tsx');
const run = promisify(execFile);
const NO_CHROMIUM = !existsSync(chromiumPath());

async function cli(args: string[], dataDir: string) {
  try {
    const r = await run(TSX, ['src/cli/main.ts', ...args], {
      env: { ...process.env, KIOSK_DATA_DIR: dataDir },
      timeout: 60_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A visit committed by the store, as the check-in would. */
async function storedVisit(dataDir: string, index: number): Promise<string> {
  const store = await openStore({
    dataDir,
    config: loadConfig(dataDir).config,
    logger: nullLogger,
  });
  try {
    const { visit } = await store.checkIn(sampleCheckIn(index));
    return visit.id;
  } finally {
    await store.close();
  }
}

async function readVisit(dataDir: string, id: string) {
  const store = await openStore({
    dataDir,
    config: loadConfig(dataDir).config,
    logger: nullLogger,
  });
  try {
    return await store.getVisit(id);
  } finally {
    await store.close();
  }
}

// Each test starts several CLI processes (tsx, then Chromium for the PDF): on a loaded 2-core
// machine that alone can pass the default 30 s.
describe('slip and print commands', { timeout: 90_000 }, () => {
  // Skipped only where Debian's Chromium is not installed (the PDF needs it).
  it.skipIf(NO_CHROMIUM)('slip --sample writes a PDF of the chosen paper', async () => {
    const dir = tempDataDir();
    const out = path.join(dir, 'out', 'slip.pdf');
    const r = await cli(['slip', '--sample', '2', '--out', out, '--paper', '58mm', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ visitId: 'sim-visit-02', paper: '58mm', out });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(NO_CHROMIUM)(
    'slip --visit and print --visit use the stored visit and record the print',
    async () => {
      const dir = tempDataDir();
      const id = await storedVisit(dir, 4);
      const out = path.join(dir, 'visit.pdf');
      const slip = await cli(['slip', '--visit', id, '--out', out, '--json'], dir);
      expect(slip.code, slip.stderr).toBe(0);
      const queueNumber = (JSON.parse(slip.stdout) as { queueNumber: string }).queueNumber;
      expect(queueNumber).toBe((await readVisit(dir, id))!.queueNumber);

      const print = await cli(['print', '--visit', id, '--json'], dir);
      expect(print.code, print.stderr).toBe(0);
      expect(JSON.parse(print.stdout)).toMatchObject({
        visitId: id,
        status: 'printed',
        driver: 'pdf',
      });
      expect(await readVisit(dir, id)).toMatchObject({ printStatus: 'printed', printError: null });
    },
  );

  it('a failed print is recorded on the visit, which stays; exit code 3', async () => {
    const dir = tempDataDir();
    const port = await closedPort();
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        printer: { driver: 'escpos', escpos: { host: '127.0.0.1', port, timeoutMs: 500 } },
      }),
    );
    const id = await storedVisit(dir, 1);
    const r = await cli(['print', '--visit', id], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error PRINT_OFFLINE: /);
    const visit = (await readVisit(dir, id))!;
    expect(visit).toMatchObject({
      status: 'active',
      printStatus: 'failed',
      printError: { code: 'PRINT_OFFLINE' },
    });
  });

  it('bad input: unknown visit, both or neither of --visit/--sample', async () => {
    const dir = tempDataDir();
    const missing = await cli(
      ['slip', '--visit', 'no-such-visit', '--out', path.join(dir, 'x.pdf')],
      dir,
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/STORE_VISIT_NOT_FOUND/);
    const both = await cli(['print', '--visit', 'a', '--sample', '1'], dir);
    expect(both.code).toBe(2);
    const neither = await cli(['print'], dir);
    expect(neither.code).toBe(2);
    const badSample = await cli(['print', '--sample', '1', '--lane', 'vip'], dir);
    expect(badSample.code).toBe(2);
  });
});
