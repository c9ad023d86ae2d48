/**
 * The audit trail of staff actions on both engines: what is appended reads back by day and by
 * visit, and the table itself refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) — the rule
 * is tested on the database, not through our own code, which never tries.
 */
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import type { KioskStore } from '../../../src/main/store/store-contract';
import type { NewAuditEntry } from '../../../src/main/store/audit-contract';
import { tempDir } from '../../unit/checkin/fakes';
import { describeOnPg } from '../support/describe-on-pg';
import { freshDatabase } from './pg-databases';

const OFFICER = { officerName: 'Trần Thị Lễ Tân', officerIdNumber: '001190000123' };

function entry(over: Partial<NewAuditEntry>): NewAuditEntry {
  return {
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
});

describeOnPg('audit trail on PostgreSQL', (cluster) => {
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
