import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lane } from '../../../src/shared/domain';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/store/migrations';
import { formatQueueNumber, formatServerQueueNumber } from '../../../src/main/domain/queue-number';
import { tempDir } from '../checkin/fakes';
import { storeContract } from './store-contract-suite';

const fresh = (): SqliteStore =>
  openSqliteStore({ file: path.join(tempDir('kiosk-store-'), 'kiosk.sqlite') });

describe('SQLite store', () => {
  storeContract({
    open: async () => fresh(),
    async openShared(runs) {
      const file = path.join(tempDir('kiosk-store-'), 'kiosk.sqlite');
      return runs.map((printRun) => openSqliteStore({ file, printRun }));
    },
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    sharedQueue: false,
    // Nothing of the person is left in the file's bytes (secure_delete + checkpoint).
    afterPurge(store, purgedText) {
      const bytes = Buffer.concat(
        [store.location, `${store.location}-wal`]
          .filter((f) => fs.existsSync(f))
          .map((f) => fs.readFileSync(f)),
      );
      for (const text of purgedText) expect(bytes.includes(Buffer.from(text))).toBe(false);
    },
  });

  let store: SqliteStore | undefined;
  afterEach(() => store?.close());

  it('opens in WAL with foreign keys and full sync', () => {
    store = fresh();
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });
});

describe('queue numbers', () => {
  it('lane letters are distinct and the number grows past 999', () => {
    const lanes: Lane[] = ['normal', 'elderly', 'child', 'disability', 'pregnant', 'emergency'];
    const letters = lanes.map((l) => formatQueueNumber('K01', 'KHAM', l, 1).split('-')[2]);
    expect(new Set(letters).size).toBe(lanes.length);
    expect(formatQueueNumber('K01', 'KHAM', 'normal', 1234)).toBe('K01-KHAM-T-1234');
  });

  it('the server number is the station number without the station', () => {
    expect(formatServerQueueNumber('KHAM', 'normal', 2)).toBe('KHAM-T-002');
    expect(formatQueueNumber('K01', 'NHI', 'child', 12)).toBe(
      `K01-${formatServerQueueNumber('NHI', 'child', 12)}`,
    );
  });
});
