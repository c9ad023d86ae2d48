/**
 * The PostgreSQL engine on a real throwaway server: the same contract suite as SQLite, then what
 * sharing one server adds (several stations' stores at once, the schema runner).
 */
import pg from 'pg';
import type { KioskError } from '../../../src/shared/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PG_LATEST_SCHEMA_VERSION,
  PG_MIGRATIONS,
} from '../../../src/main/store/postgres/migrations';
import { migratePg } from '../../../src/main/store/postgres/pg-migrate';
import { createPgPool } from '../../../src/main/store/postgres/pg-pool';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import type { PostgresStore } from '../../../src/main/store/postgres/postgres-store';
import type { PgCluster } from '../support/pg-cluster';
import { request, storeContract } from '../../unit/store/store-contract-suite';
import { describeOnPg } from '../support/describe-on-pg';
import { throughRelay } from '../support/pg-cut-proxy';
import { freshDatabase } from './pg-databases';

let cluster: PgCluster;

async function openOn(url: string): Promise<PostgresStore> {
  return openPostgresStore({ url, applicationName: 'kiosk-test' });
}

describeOnPg('PostgreSQL store', (started) => {
  beforeAll(() => {
    cluster = started();
  });

  storeContract({
    open: async () => openOn(await freshDatabase(cluster)),
    async openShared(runs) {
      const url = await freshDatabase(cluster);
      const stores: PostgresStore[] = [];
      for (const printRun of runs) {
        stores.push(await openPostgresStore({ url, applicationName: 'kiosk-test', printRun }));
      }
      return stores;
    },
    latestSchemaVersion: PG_LATEST_SCHEMA_VERSION,
    sharedQueue: true,
  });

  describe('shared by several stations', () => {
    it('the same person at two stations at the same instant: one visit, one number used', async () => {
      const url = await freshDatabase(cluster);
      const [a, b] = await Promise.all([openOn(url), openOn(url)]);
      try {
        for (let i = 0; i < 20; i++) {
          const id = String(200000000000 + i);
          const patient = { ...request().patient, idNumber: id };
          const [x, y] = await Promise.all([
            a.checkIn(request({ id, patient, stationId: 'K01' })),
            b.checkIn(request({ id, patient, stationId: 'K02' })),
          ]);
          expect([x.created, y.created].sort()).toEqual([false, true]);
          expect(x.visit.id).toBe(y.visit.id);
        }
        const seqs = (await a.listVisits({ date: '2026-11-23' })).map((v) => v.queueSeq);
        expect(seqs.sort((p, q) => p - q)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('a queued re-check is claimed by one station (SKIP LOCKED)', async () => {
      const url = await freshDatabase(cluster);
      const stores = await Promise.all([openOn(url), openOn(url), openOn(url)]);
      try {
        for (let i = 0; i < 30; i++) {
          const id = String(300000000000 + i);
          await stores[0]!.checkIn(
            request({
              id,
              patient: { ...request().patient, idNumber: id },
              recheck: { idNumber: id, fullName: 'x', dateOfBirth: '1990' },
            }),
          );
        }
        const claim = (s: PostgresStore) =>
          s.claimRechecks({
            now: '2026-11-23T02:00:00.000Z',
            leaseUntil: '2026-11-23T02:05:00.000Z',
            limit: 12,
          });
        const claimed = (await Promise.all(stores.map(claim))).flat().map((o) => o.id);
        expect(claimed).toHaveLength(30);
        expect(new Set(claimed).size).toBe(30);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('a visit change is announced on kiosk_visits with its day, at commit', async () => {
      const url = await freshDatabase(cluster);
      const s = await openOn(url);
      const listener = new pg.Client({ connectionString: url });
      await listener.connect();
      try {
        const heard: string[] = [];
        listener.on('notification', (n) => heard.push(`${n.channel}:${n.payload}`));
        await listener.query('LISTEN kiosk_visits');
        const { visit } = await s.checkIn(request());
        await s.cancelVisit(visit.id, 'r', '2026-11-23T02:00:00.000Z');
        await expect.poll(() => heard.length).toBeGreaterThanOrEqual(2);
        expect(new Set(heard)).toEqual(new Set(['kiosk_visits:2026-11-23']));
      } finally {
        await listener.end();
        await s.close();
      }
    });
  });

  describe('schema', () => {
    it('stations opening a new database at once migrate it once', async () => {
      const url = await freshDatabase(cluster);
      const stores = await Promise.all(Array.from({ length: 4 }, () => openOn(url)));
      try {
        const applied = stores.map((s) => s.migration?.applied.length ?? 0);
        expect(applied.filter((n) => n > 0)).toEqual([PG_LATEST_SCHEMA_VERSION]);
        for (const s of stores) expect(await s.schemaVersion()).toBe(PG_LATEST_SCHEMA_VERSION);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('a database of a newer app is refused untouched (STORE_TOO_NEW)', async () => {
      const url = await freshDatabase(cluster);
      await (await openOn(url)).close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query("INSERT INTO schema_version VALUES (99, 'future', 'x')");
      await c.end();
      await expect(openOn(url)).rejects.toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }));
    });

    it('step 14 renames the re-check queue, and the kiosk functions that write it follow', async () => {
      const url = await freshDatabase(cluster);
      await (await openPostgresStore({ url, migrations: PG_MIGRATIONS.slice(0, 13) })).close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(
          `INSERT INTO visits (id, day, station_id, department, lane, queue_seq, queue_number,
             identity_source, insurance_json, created_at)
           VALUES ('v-old', '2026-11-23', 'K01', 'KHAM', 'normal', 1, 'K01-KHAM-T-001', 'typed',
             '{}', '2026-11-23T01:00:00.000Z')`,
        );
        await c.query(
          `INSERT INTO outbox (visit_id, query_json, next_attempt_at, created_at)
           VALUES ('v-old', '{"idNumber":"001085012345"}', '2026-11-23T01:00:00.000Z',
             '2026-11-23T01:00:00.000Z')`,
        );
        const store = await openOn(url);
        expect(await store.schemaVersion()).toBe(PG_LATEST_SCHEMA_VERSION);
        expect(await store.pendingRechecks()).toBe(1);
        await store.close();
        const tables = await c.query<{ t: string | null; old: string | null }>(
          "SELECT to_regclass('public.recheck_queue')::text AS t, to_regclass('public.outbox')::text AS old",
        );
        expect(tables.rows[0]).toEqual({ t: 'recheck_queue', old: null });
        const fns = await c.query<{ name: string; definer: boolean; config: string[] | null }>(
          `SELECT p.proname AS name, p.prosecdef AS definer, p.proconfig AS config
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.prosrc ~ 'recheck_queue' ORDER BY 1`,
        );
        expect(fns.rows.map((f) => f.name)).toEqual([
          'kiosk_import_visit',
          'kiosk_insert_visit',
          'kiosk_insert_visit_row',
        ]);
        for (const f of fns.rows) {
          expect(f.definer).toBe(true);
          expect(f.config).toEqual(['search_path=pg_catalog, pg_temp']);
        }
        const stale = await c.query(
          `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.prosrc ~ '(^|[^_])outbox'`,
        );
        expect(stale.rows).toEqual([]);
      } finally {
        await c.end();
      }
    });

    it('a failed step leaves the database at its old version', async () => {
      const url = await freshDatabase(cluster);
      const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE x (); SELECT nope;' };
      const { PG_MIGRATIONS } = await import('../../../src/main/store/postgres/migrations');
      await (await openPostgresStore({ url, migrations: [PG_MIGRATIONS[0]!] })).close();
      await expect(
        openPostgresStore({ url, migrations: [PG_MIGRATIONS[0]!, broken] }),
      ).rejects.toThrow(expect.objectContaining({ code: 'STORE_FAILED' }));
      const s = await openPostgresStore({ url, migrations: [PG_MIGRATIONS[0]!] });
      expect(await s.schemaVersion()).toBe(1);
      await s.close();
    });
  });

  describe('errors', () => {
    it('an unreachable server is STORE_UNREACHABLE, naming it without the password', async () => {
      const url = `postgres://kiosk:s3cret-pw@127.0.0.1:${cluster.port + 1}/kiosk`;
      const err = await openPostgresStore({ url, connectTimeoutMs: 2000 }).catch((e) => e);
      expect(err).toMatchObject({ code: 'STORE_UNREACHABLE', retryable: true });
      const text = JSON.stringify([err.message, err.shape ?? null, err.detail ?? null]);
      expect(text).not.toContain('s3cret-pw');
      expect(String(err.message)).toContain(`127.0.0.1:${cluster.port + 1}`);
    });

    it('a connection cut mid-transaction is STORE_UNREACHABLE, and nothing escapes uncaught', async () => {
      const { proxy, url } = await throughRelay(await freshDatabase(cluster), cluster);
      const s = await openOn(url);
      try {
        await s.checkIn(request());
        proxy.loseNextCommitAnswer();
        await expect(
          s.checkIn(
            request({
              id: '500000000002',
              patient: { ...request().patient, idNumber: '500000000002' },
            }),
          ),
        ).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
        // The pool drops the dead connection and the next call works.
        await expect(s.listVisits({ date: '2026-11-23' })).resolves.toHaveLength(2);
      } finally {
        await s.close();
        await proxy.close();
      }
    });

    it("a missing database is STORE_NO_DATABASE, said in the server's words", async () => {
      const url = `postgres://${cluster.user}@127.0.0.1:${cluster.port}/nope`;
      const err = await openPostgresStore({ url }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'STORE_NO_DATABASE' });
      const { en, vi } = (err as KioskError).localized;
      expect(en).toContain('has no such database');
      expect(en).toContain(`127.0.0.1:${cluster.port}`);
      // Not SQLite's advice about a data folder.
      expect(`${en} ${vi}`).not.toMatch(/data folder|thư mục dữ liệu/);
    });

    it('a role without rights on schema public: a station is told to migrate with the owner; migrating says STORE_NOT_PERMITTED, not "read-only"', async () => {
      const url = await freshDatabase(cluster);
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      const role = `norights_${process.pid}`;
      try {
        await admin.query(`CREATE ROLE ${role} LOGIN`);
        // PostgreSQL 15+ gives PUBLIC no CREATE on public; say it for older servers too.
        const db = new pg.Client({ connectionString: url });
        await db.connect();
        await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
        await db.end();
        const asRole = url.replace(`//${cluster.user}@`, `//${role}@`);
        // A station's start: the schema is older and this role may not change it.
        const opening = await openPostgresStore({ url: asRole }).catch((e: unknown) => e);
        expect(opening).toMatchObject({ code: 'STORE_MIGRATION_PENDING' });
        expect((opening as KioskError).localized.en).toContain('store migrate --owner-url');
        // `store migrate` with a role that is not the owner: refused in PostgreSQL's words.
        const pool = createPgPool({ url: asRole });
        try {
          const err = await migratePg(pool, PG_MIGRATIONS).catch((e: unknown) => e);
          expect(err).toMatchObject({ code: 'STORE_NOT_PERMITTED' });
          const { en, vi } = (err as KioskError).localized;
          expect(en).toContain('schema public');
          expect(`${en} ${vi}`).not.toMatch(/read-only|chỉ cho phép đọc/);
        } finally {
          await pool.end();
        }
      } finally {
        await admin.query(`DROP OWNED BY ${role}`).catch(() => {});
        await admin.end();
      }
    });
  });
});
