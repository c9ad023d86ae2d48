/**
 * What a person sees when the database cannot do its job: a full disk, a read-only file or file
 * system, a damaged file, another process holding the lock. Each is a typed STORE_* error, and
 * nothing is half-written (counter and visit agree, the database stays intact).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn, TEST_DAY } from '../../unit/store/requests';
import { auditQueue } from './store-checks';

const DAY = TEST_DAY;
let counter = 0;
const request = (noteBytes = 100) =>
  pendingCheckIn(String(200000000000 + ++counter), {}, noteBytes);

function mount(args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Mounting a tiny tmpfs needs root (CAP_SYS_ADMIN); without it those tests are skipped. */
const canMount = (() => {
  const probe = tempDir('kiosk-mount-probe-');
  const ok = mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (ok) execFileSync('umount', [probe]);
  return ok;
})();

const mounted: string[] = [];
function tinyDisk(size: string): string {
  const dir = tempDir('kiosk-tmpfs-');
  if (!mount(['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])) throw new Error('mount failed');
  mounted.push(dir);
  return dir;
}

const stores: SqliteStore[] = [];
function open(file: string, busyTimeoutMs?: number): SqliteStore {
  const s = openSqliteStore({ file, ...(busyTimeoutMs ? { busyTimeoutMs } : {}) });
  stores.push(s);
  return s;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir]);
    } catch {
      // already gone
    }
  }
});

/** Checks in until the store throws; returns the error and how many succeeded. */
async function fillUntilError(
  store: SqliteStore,
  noteBytes: number,
): Promise<{ error: unknown; ok: number }> {
  for (let ok = 0; ok < 100_000; ok++) {
    try {
      await store.checkIn(request(noteBytes));
    } catch (error) {
      return { error, ok };
    }
  }
  throw new Error('never failed');
}

describe('store failures', () => {
  it.skipIf(!canMount)(
    'disk full (a 300 KB tmpfs): STORE_FULL, nothing half-written [needs root to mount tmpfs]',
    async () => {
      const file = path.join(tinyDisk('300k'), 'kiosk.sqlite');
      const store = open(file);
      const { error, ok } = await fillUntilError(store, 4000);
      expect(ok).toBeGreaterThan(0);
      expect(error).toMatchObject({ code: 'STORE_FULL' });
      expect((error as { localized: { vi: string; en: string } }).localized.en).toMatch(
        /disk is full/,
      );
      await store.close();
      const audit = auditQueue(file);
      expect(audit.integrity).toBe('ok');
      expect(audit.problems).toEqual([]);
      expect(audit.visits).toBe(ok);
      expect(audit.rechecks).toBe(ok);
    },
  );

  it('database full (max_page_count, works without root): STORE_FULL, then goes on once there is room', async () => {
    const file = path.join(tempDir('kiosk-full-'), 'kiosk.sqlite');
    const store = open(file);
    const db = store.database;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 3}`);
    const { error, ok } = await fillUntilError(store, 3000);
    expect(error).toMatchObject({ code: 'STORE_FULL' });
    const visits = (await store.listVisits({ date: DAY })).length;
    expect(visits).toBe(ok);
    expect(await store.pendingRechecks()).toBe(ok);
    db.pragma('max_page_count = 1000000');
    const next = await store.checkIn(request());
    expect(next.visit.queueSeq).toBe(ok + 1); // no number was used up by the failed attempt
  });

  it.skipIf(!canMount)(
    'read-only file system: opening says STORE_READONLY [needs root to mount tmpfs]',
    async () => {
      const dir = tinyDisk('2m');
      const file = path.join(dir, 'kiosk.sqlite');
      const store = open(file);
      await store.checkIn(request());
      await store.close();
      expect(mount(['-o', 'remount,ro', dir])).toBe(true);
      expect(() => open(file)).toThrow(expect.objectContaining({ code: 'STORE_READONLY' }));
    },
  );

  it('read-only database (query_only, works without root): STORE_READONLY, nothing written', async () => {
    const store = open(path.join(tempDir('kiosk-ro-'), 'kiosk.sqlite'));
    store.database.pragma('query_only = 1');
    await expect(store.checkIn(request())).rejects.toThrow(
      expect.objectContaining({ code: 'STORE_READONLY' }),
    );
    store.database.pragma('query_only = 0');
    expect(await store.listVisits({ date: DAY })).toEqual([]);
    expect((await store.checkIn(request())).visit.queueSeq).toBe(1);
  });

  it('a damaged file: STORE_CORRUPT with a sentence for staff', () => {
    const file = path.join(tempDir('kiosk-corrupt-'), 'kiosk.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(() => open(file)).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });

  it('another process holding the write lock: STORE_LOCKED (retryable) after the busy timeout', async () => {
    const file = path.join(tempDir('kiosk-locked-'), 'kiosk.sqlite');
    const store = open(file, 150);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.checkIn(request())).rejects.toThrow(
        expect.objectContaining({ code: 'STORE_LOCKED', retryable: true }),
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.checkIn(request())).visit.queueSeq).toBe(1);
  });

  it('an unreachable data folder: a typed error, not a crash', () => {
    const blocker = path.join(tempDir('kiosk-nodir-'), 'a-file');
    fs.writeFileSync(blocker, '');
    expect(() => open(path.join(blocker, 'sub', 'kiosk.sqlite'))).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^STORE_/) }),
    );
  });
});
