import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/store/migrations';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { KioskError } from '../../../src/shared/errors';
import { tempDir } from '../../unit/checkin/fakes';

const DAY = '2026-11-23';
const INSURANCE = JSON.stringify({
  source: 'pending',
  result: null,
  cachedAt: null,
  stale: false,
  note: null,
});

/** A database as version `n` of the app left it, with some data of that version. */
function buildAtVersion(n: number): string {
  const file = path.join(tempDir('kiosk-migrate-'), 'kiosk.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.slice(0, n), { file });
  if (n >= 1) {
    db.prepare("INSERT INTO queue_counters VALUES (?, 'K01', 'KHAM', 'normal', 1)").run(DAY);
    db.prepare(
      `INSERT INTO visits (id, day, station_id, department, lane, queue_seq, queue_number,
         patient_id_number, patient_name, patient_dob, patient_sex, identity_source, insurance_json, created_at)
       VALUES ('v-old', ?, 'K01', 'KHAM', 'normal', 1, 'K01-KHAM-T-001', '001085012345', 'Nguyễn Văn An',
         '1985-03-14', 'M', 'chip', ?, ?)`,
    ).run(DAY, INSURANCE, `${DAY}T01:00:00.000Z`);
    db.prepare(
      'INSERT INTO identity_cache VALUES (\'001085012345\', \'{"idNumber":"001085012345"}\', ?)',
    ).run(`${DAY}T01:00:00.000Z`);
  }
  if (n >= 2) {
    // The re-check queue's table was `outbox` until step 15 renamed it.
    const table = n >= 15 ? 'recheck_queue' : 'outbox';
    db.prepare(
      `INSERT INTO ${table} (visit_id, query_json, next_attempt_at, created_at) VALUES ('v-old', '{"idNumber":"001085012345"}', ?, ?)`,
    ).run(`${DAY}T01:00:00.000Z`, `${DAY}T01:00:00.000Z`);
  }
  expect(db.pragma('user_version', { simple: true })).toBe(n);
  db.close();
  return file;
}

describe('migrations', () => {
  it('has at least two numbered steps, one file each, in order', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(2);
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    const dir = path.resolve('src/main/store/migrations');
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .sort();
    expect(files.map((f) => f.replace(/\.ts$/, ''))).toEqual(
      MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`),
    );
  });

  for (let n = 0; n < LATEST_SCHEMA_VERSION; n++) {
    it(`upgrades a version ${n} database to ${LATEST_SCHEMA_VERSION}, keeping its data`, async () => {
      const file = buildAtVersion(n);
      const store = openSqliteStore({ file });
      try {
        expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
        if (n >= 1) {
          const v = (await store.getVisit('v-old'))!;
          expect(v).toMatchObject({
            queueNumber: 'K01-KHAM-T-001',
            patient: { fullName: 'Nguyễn Văn An' },
            printStatus: 'not-printed',
            flagged: false,
            chipVerification: null,
          });
          expect(await store.getIdentity('001085012345')).not.toBeNull();
        }
        expect(await store.pendingRechecks()).toBe(n >= 2 ? 1 : 0);
        // Numbering goes on from where the old version left it.
        const next = await store.checkIn({
          date: DAY,
          stationId: 'K01',
          department: 'KHAM',
          lane: 'normal',
          patient: { idNumber: '079192004567', fullName: 'B', dateOfBirth: null, sex: 'F' },
          identitySource: 'typed',
          insurance: JSON.parse(INSURANCE),
          createdAt: `${DAY}T02:00:00.000Z`,
          recheck: null,
        });
        expect(next.visit.queueNumber).toBe(n >= 1 ? 'K01-KHAM-T-002' : 'K01-KHAM-T-001');
      } finally {
        await store.close();
      }
    });
  }

  it('step 15 renames the re-check queue: rows, ids and indexes come along, the old name is gone', async () => {
    const file = buildAtVersion(14);
    const store = openSqliteStore({ file });
    try {
      const [item] = await store.claimRechecks({
        now: `${DAY}T02:00:00.000Z`,
        leaseUntil: `${DAY}T02:05:00.000Z`,
        limit: 10,
      });
      expect(item).toMatchObject({ id: 1, visitId: 'v-old', query: { idNumber: '001085012345' } });
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    const names = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE name LIKE '%outbox%' OR name LIKE 'recheck_queue%' ORDER BY name",
      )
      .all()
      .map((r) => r.name);
    db.close();
    // The HIS hand-off's outbox keeps its name.
    expect(names.filter((n) => !n.includes('his_outbox'))).toEqual([
      'recheck_queue',
      'recheck_queue_by_visit',
      'recheck_queue_due',
    ]);
    expect(names).toContain('his_outbox');
  });

  it('a failing step leaves the database at its old version', () => {
    const file = buildAtVersion(1);
    const broken = [
      ...MIGRATIONS.slice(0, 2),
      {
        version: 3,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => openSqliteStore({ file, migrations: broken })).toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'outbox'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer version with STORE_TOO_NEW and leaves it untouched', () => {
    const file = buildAtVersion(LATEST_SCHEMA_VERSION);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    let error: unknown;
    try {
      openSqliteStore({ file });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KioskError);
    const e = error as KioskError;
    expect(e.code).toBe('STORE_TOO_NEW');
    expect(e.localized.en).toContain(`schema ${LATEST_SCHEMA_VERSION + 5}`);
    expect(e.localized.en).toContain(`up to ${LATEST_SCHEMA_VERSION}`);
    expect(e.localized.vi).toContain('mới hơn');
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
  });
});
