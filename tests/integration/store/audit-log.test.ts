/**
 * The audit trail of staff actions on both engines: what is appended reads back by day and by
 * visit, and the table itself refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) — the rule
 * is tested on the database, not through our own code, which never tries.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import type { KioskStore } from '../../../src/main/store/store-contract';
import type { NewAuditEntry } from '../../../src/main/store/audit-contract';
import { migrate } from '../../../src/main/store/migrate';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { tempDir } from '../../unit/checkin/fakes';
import { describeOnPg } from '../support/describe-on-pg';
import { freshDatabase } from './pg-databases';

const OFFICER = { officerName: 'Trần Thị Lễ Tân', officerIdNumber: '001190000123' };

function entry(over: Partial<NewAuditEntry>): NewAuditEntry {
  return {
    uid: randomUUID(),
    at: '2026-11-23T03:00:00.000Z',
    day: '2026-11-23',
    action: 'cancel',
    ...OFFICER,
    stationId: 'D01',
    visitId: 'v-1',
    reason: 'nhầm khoa',
    detail: null,
    ...over,
  };
}

async function appendAndRead(store: KioskStore): Promise<void> {
  await store.audit.append(
    entry({ action: 'sign-in', visitId: null, reason: null, detail: 'card' }),
  );
  await store.audit.append(entry({ at: '2026-11-23T03:05:00.000Z' }));
  await store.audit.append(
    entry({ at: '2026-11-24T01:00:00.000Z', day: '2026-11-24', action: 'reprint', reason: null }),
  );
  const day = await store.audit.between('2026-11-23', '2026-11-23');
  expect(day.map((e) => e.action)).toEqual(['sign-in', 'cancel']);
  expect(day[1]).toMatchObject({
    ...OFFICER,
    stationId: 'D01',
    visitId: 'v-1',
    reason: 'nhầm khoa',
    at: '2026-11-23T03:05:00.000Z',
  });
  expect((await store.audit.forVisit('v-1')).map((e) => e.action)).toEqual(['cancel', 'reprint']);
  expect(await store.audit.between('2026-11-25', '2026-11-30')).toEqual([]);
}

describe('audit trail on SQLite', () => {
  let store: SqliteStore | undefined;
  afterEach(async () => store?.close());

  it('appends and reads back by day and by visit', async () => {
    store = openSqliteStore({ file: path.join(tempDir('kiosk-audit-'), 'k.sqlite') });
    await appendAndRead(store);
  });

  it('the table refuses UPDATE and DELETE', async () => {
    store = openSqliteStore({ file: path.join(tempDir('kiosk-audit-'), 'k.sqlite') });
    await store.audit.append(entry({}));
    const db = store.database;
    expect(() => db.prepare("UPDATE audit_log SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect((await store.audit.forVisit('v-1'))[0]?.reason).toBe('nhầm khoa');
  });

  it("a hospital station's entries wait for the server until marked uploaded; the trail keeps them", async () => {
    store = openSqliteStore({
      file: path.join(tempDir('kiosk-audit-'), 'k.sqlite'),
      queueNumbers: 'offline',
    });
    const first = entry({ action: 'sign-in', visitId: null });
    const second = entry({ at: '2026-11-23T03:05:00.000Z' });
    await store.audit.append(first);
    await store.audit.append(second);
    expect((await store.offlineAudit.pending()).map((e) => e.uid)).toEqual([first.uid, second.uid]);
    expect(await store.offlineAudit.markUploaded([first.uid], '2026-11-23T04:00:00.000Z')).toBe(1);
    // Marking again (a repeated upload) changes nothing.
    expect(await store.offlineAudit.markUploaded([first.uid], '2026-11-23T04:01:00.000Z')).toBe(0);
    expect((await store.offlineAudit.pending()).map((e) => e.uid)).toEqual([second.uid]);
    expect(await store.offlineAudit.pendingCount()).toBe(1);
    expect(await store.audit.between('2026-11-23', '2026-11-23')).toHaveLength(2);
  });

  it('one uid is one entry: the table refuses a second', async () => {
    store = openSqliteStore({ file: path.join(tempDir('kiosk-audit-'), 'k.sqlite') });
    const once = entry({});
    await store.audit.append(once);
    await expect(store.audit.append({ ...once, reason: 'again' })).rejects.toThrow();
    expect(await store.audit.forVisit('v-1')).toHaveLength(1);
  });

  it('migration 0013 keeps the rows written before it, each with its own uid, still append-only', async () => {
    const file = path.join(tempDir('kiosk-audit-'), 'k.sqlite');
    // The file as version 12 left it (a store of today cannot open it: its tables are older).
    const old = new Database(file);
    try {
      migrate(old, MIGRATIONS.slice(0, 12), { file });
      const insert = old.prepare(
        `INSERT INTO audit_log (at, day, action, officer_name, officer_id_number, station_id,
           visit_id, reason, detail) VALUES (?, '2026-11-23', ?, NULL, NULL, 'D01', 'v-1', NULL, NULL)`,
      );
      insert.run('2026-11-23T03:00:00.000Z', 'cancel');
      insert.run('2026-11-23T03:01:00.000Z', 'reprint');
    } finally {
      old.close();
    }
    store = openSqliteStore({ file, queueNumbers: 'offline' });
    const kept = await store.audit.forVisit('v-1');
    expect(kept.map((e) => [e.id, e.action])).toEqual([
      [1, 'cancel'],
      [2, 'reprint'],
    ]);
    expect(new Set(kept.map((e) => e.uid)).size).toBe(2);
    expect(await store.offlineAudit.pendingCount()).toBe(2);
    await store.audit.append(entry({ at: '2026-11-23T03:02:00.000Z' }));
    expect((await store.audit.forVisit('v-1')).at(-1)!.id).toBe(3);
    expect(() => store!.database.prepare("UPDATE audit_log SET reason = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => store!.database.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describeOnPg('audit trail on PostgreSQL', (cluster) => {
  it("a station's offline entries are taken once by uid, however often they are sent", async () => {
    const url = await freshDatabase(cluster());
    const store = await openPostgresStore({ url });
    try {
      const online = entry({ action: 'sign-in', visitId: null });
      await store.audit.append(online);
      const offline = [entry({ at: '2026-11-23T03:05:00.000Z' }), entry({ action: 'reprint' })];
      expect(await store.audit.importOfflineEntries(offline)).toEqual({
        imported: 2,
        alreadyThere: 0,
      });
      expect(await store.audit.importOfflineEntries([...offline, online])).toEqual({
        imported: 0,
        alreadyThere: 3,
      });
      const trail = await store.audit.between('2026-11-23', '2026-11-23');
      expect(trail.map((e) => e.uid).sort()).toEqual(
        [online.uid, ...offline.map((e) => e.uid)].sort(),
      );
    } finally {
      await store.close();
    }
  }, 120_000);

  it('appends and reads back; UPDATE, DELETE and TRUNCATE are refused', async () => {
    const url = await freshDatabase(cluster());
    const store = await openPostgresStore({ url });
    try {
      await appendAndRead(store);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const sql of [
          "UPDATE audit_log SET reason = 'x'",
          'DELETE FROM audit_log',
          'TRUNCATE audit_log',
        ]) {
          await expect(client.query(sql)).rejects.toThrow(/append-only/);
        }
      } finally {
        await client.end();
      }
      expect(await store.audit.forVisit('v-1')).toHaveLength(2);
    } finally {
      await store.close();
    }
  }, 120_000);
});
