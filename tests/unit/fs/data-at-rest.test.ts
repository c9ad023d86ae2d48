import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPurge } from '../../../src/main/checkin/purge-job';
import { writeFileAtomicSync } from '../../../src/main/fs/atomic-write';
import { slipPdfPath, writeFileAtomic } from '../../../src/main/print/drivers/pdf-file';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { PurgeRequest } from '../../../src/main/store/store-contract';
import type { PurgeStore } from '../../../src/main/store/store-ports';
import { checkDataDir } from '../../../src/main/doctor/checks';
import { tempDir } from '../checkin/fakes';
import { testFileLogger } from '../logging/test-log-file';

// Modes are a POSIX matter; Windows keeps files private through the profile folder's ACL.
const posix = process.platform !== 'win32';
const mode = (p: string): number => fs.statSync(p).mode & 0o777;

let store: SqliteStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe.skipIf(!posix)('data at rest: created private', () => {
  it('database, its WAL and its folder', async () => {
    const dir = path.join(tempDir('kiosk-rest-'), 'data');
    const file = path.join(dir, 'kiosk.sqlite');
    store = openSqliteStore({ file });
    await store.purge({ visitsBefore: '2000-01-01', cacheBefore: '2000-01-01', at: '2026-01-01' });
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
  });

  it('log files and the logs folder', async () => {
    const dataDir = tempDir('kiosk-rest-');
    const logger = testFileLogger(dataDir);
    logger.info('started');
    await logger.close();
    expect(mode(path.join(dataDir, 'logs'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'logs', 'kiosk.log'))).toBe(0o600);
  });

  it('slip PDFs and their day folders', async () => {
    const folder = path.join(tempDir('kiosk-rest-'), 'slips');
    const file = slipPdfPath(folder, { date: '2026-11-20', queueNumber: 'K01-KHAM-001' });
    await writeFileAtomic(file, new Uint8Array([37, 80, 68, 70]));
    expect(mode(folder)).toBe(0o700);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it('files written atomically (configuration, exports) and the data folder doctor makes', () => {
    const base = tempDir('kiosk-rest-');
    const file = path.join(base, 'config.json');
    writeFileAtomicSync(file, '{}\n');
    expect(mode(file)).toBe(0o600);
    const dataDir = path.join(base, 'new-data');
    expect(checkDataDir(dataDir).status).toBe('ok');
    expect(mode(dataDir)).toBe(0o700);
  });
});

/** The purge's store port alone: these tests look at the slip files, not the database. */
function noRowsToPurge(): PurgeStore & { requests: PurgeRequest[] } {
  const requests: PurgeRequest[] = [];
  return {
    requests,
    purge: async (request) => {
      requests.push(request);
      return {
        visitsAnonymised: 0,
        identitiesDeleted: 0,
        lookupsDeleted: 0,
        rechecksDeleted: 0,
        discrepanciesDeleted: 0,
      };
    },
  };
}

describe('purge: slip files past retention', () => {
  it('removes the day folders before the cut, keeps the rest, reports counts', async () => {
    const base = tempDir('kiosk-purge-');
    const slips = path.join(base, 'slips');
    const put = (day: string, n: string) =>
      writeFileAtomic(slipPdfPath(slips, { date: day, queueNumber: n }), new Uint8Array([1]));
    await put('2026-08-01', 'K01-KHAM-001');
    await put('2026-08-01', 'K01-KHAM-002');
    await put('2026-08-23', 'K01-KHAM-001');
    await put('2026-08-24', 'K01-KHAM-001');
    fs.mkdirSync(path.join(slips, 'operator-notes'));
    const rows = noRowsToPurge();

    // 90 days before 2026-11-22 (Asia/Ho_Chi_Minh) is 2026-08-24: days before it go.
    const now = new Date('2026-11-22T03:00:00.000Z');
    const report = await runPurge(rows, now, 90, 'Asia/Ho_Chi_Minh', undefined, slips);
    expect(rows.requests.map((r) => r.visitsBefore)).toEqual(['2026-08-24']);
    expect(report.slipFilesDeleted).toBe(3);
    expect(fs.readdirSync(slips).sort()).toEqual(['2026-08-24', 'operator-notes']);
    expect(JSON.stringify(report)).not.toMatch(/K01|2026/);

    const again = await runPurge(rows, now, 90, 'Asia/Ho_Chi_Minh', undefined, slips);
    expect(again.slipFilesDeleted).toBe(0);
  });

  it('no slip folder yet: nothing to remove', async () => {
    const base = tempDir('kiosk-purge-');
    const report = await runPurge(
      noRowsToPurge(),
      new Date(),
      90,
      'Asia/Ho_Chi_Minh',
      undefined,
      path.join(base, 'none'),
    );
    expect(report.slipFilesDeleted).toBe(0);
  });
});
