/**
 * `doctor`'s store line with engine "postgres", against a real throwaway server: reachable,
 * unreachable (the station works offline: said quickly, with the count of its offline visits),
 * migrations pending on the server, a server schema newer than the app. The URL's password never
 * reaches the line.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { loadConfig } from '../../../src/main/config/load-config';
import { checkStore } from '../../../src/main/doctor/checks';
import {
  PG_LATEST_SCHEMA_VERSION,
  PG_MIGRATIONS,
} from '../../../src/main/store/postgres/migrations';
import { migratePg } from '../../../src/main/store/postgres/pg-migrate';
import { createPgPool } from '../../../src/main/store/postgres/pg-pool';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { tempDir } from '../../unit/checkin/fakes';
import { request } from '../../unit/store/store-contract-suite';
import { describeOnPg } from '../support/describe-on-pg';
import { freePort } from '../support/pg-cluster';
import { freshDatabase } from './pg-databases';

const PASSWORD = 'not-a-real-pw-5822';

/** The throwaway cluster trusts local logins, so any password in the URL is accepted. */
const withPassword = (url: string): string =>
  url.replace('postgres://kiosk@', `postgres://kiosk:${PASSWORD}@`);

function station(url: string, connectTimeoutMs = 2000) {
  const dir = tempDir('kiosk-doctor-pg-');
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ store: { engine: 'postgres', postgres: { url, connectTimeoutMs } } }),
  );
  return { dir, config: loadConfig(dir).config };
}

async function migrated(url: string, steps = PG_MIGRATIONS): Promise<void> {
  const pool = createPgPool({ url, max: 1 });
  try {
    await migratePg(pool, steps);
  } finally {
    await pool.end();
  }
}

describeOnPg('doctor: store on the hospital server', (cluster) => {
  it('a reachable server at the latest schema is ok, password masked', async () => {
    const url = withPassword(await freshDatabase(cluster()));
    await migrated(url);
    const s = station(url);
    const r = await checkStore(s.config, s.dir);
    expect(r).toMatchObject({ name: 'store', status: 'ok' });
    expect(r.detail).toMatch(
      new RegExp(`^server reachable \\(.*:\\*\\*\\*@.*\\), schema ${PG_LATEST_SCHEMA_VERSION}$`),
    );
    expect(r.detail).not.toContain(PASSWORD);
  }, 60_000);

  it('an unreachable server warns, quickly, that the station works offline, with its waiting visits', async () => {
    const url = `postgres://kiosk:${PASSWORD}@127.0.0.1:${await freePort()}/kiosk`;
    const s = station(url);
    // Two visits this station checked in offline, in its own file, not uploaded yet.
    const local = openSqliteStore({
      file: path.join(s.dir, 'kiosk.sqlite'),
      queueNumbers: 'offline',
    });
    try {
      await local.checkIn(request({ id: '400000000101' }));
      await local.checkIn(request({ id: '400000000102' }));
    } finally {
      await local.close();
    }
    const started = Date.now();
    const r = await checkStore(s.config, s.dir);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.status).toBe('warn');
    expect(r.detail).toContain('server unreachable');
    expect(r.detail).toContain(
      'the station will work offline with station-prefixed numbers, 2 offline visits waiting to upload',
    );
    expect(r.detail).not.toContain(PASSWORD);
  }, 60_000);

  it('a server that takes the connection but never answers: warns within connectTimeoutMs', async () => {
    const taken: net.Socket[] = [];
    const silent = net.createServer((socket) => taken.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const s = station(`postgres://kiosk@127.0.0.1:${port}/kiosk`, 500);
      const started = Date.now();
      const r = await checkStore(s.config, s.dir);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(r.status).toBe('warn');
      expect(r.detail).toContain('the station will work offline');
    } finally {
      for (const socket of taken) socket.destroy();
      silent.close();
    }
  }, 60_000);

  it('server migrations pending: warns, saying to run store migrate, and migrates nothing', async () => {
    const url = await freshDatabase(cluster());
    await migrated(url, PG_MIGRATIONS.slice(0, PG_LATEST_SCHEMA_VERSION - 1));
    const s = station(url);
    const r = await checkStore(s.config, s.dir);
    expect(r.status).toBe('warn');
    expect(r.detail).toContain(
      `schema ${PG_LATEST_SCHEMA_VERSION - 1} of ${PG_LATEST_SCHEMA_VERSION}`,
    );
    expect(r.detail).toContain('`npm run cli -- store migrate`');
    expect((await checkStore(s.config, s.dir)).status).toBe('warn');
  }, 60_000);

  it('a server schema newer than the app fails (STORE_TOO_NEW)', async () => {
    const url = await freshDatabase(cluster());
    await migrated(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        "INSERT INTO schema_version (version, name, applied_at) VALUES ($1, 'from-the-future', 'x')",
        [PG_LATEST_SCHEMA_VERSION + 1],
      );
    } finally {
      await client.end();
    }
    const s = station(url);
    const r = await checkStore(s.config, s.dir);
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('STORE_TOO_NEW');
  }, 60_000);
});
