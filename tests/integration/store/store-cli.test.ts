/**
 * `store status`, `store migrate` and `config` with each engine, through the real CLI: the
 * PostgreSQL ones against a throwaway server. The URL's password never reaches the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/store/migrations';
import { PG_LATEST_SCHEMA_VERSION } from '../../../src/main/store/postgres/migrations';
import { tempDir } from '../../unit/checkin/fakes';
import { runCliHarness } from '../support/run-cli';
import { describeOnPg } from '../support/describe-on-pg';
import { freshDatabase } from './pg-databases';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../src/cli/main.ts');
const PASSWORD = 'not-a-real-pw-4711';

function dataDirWith(store: Record<string, unknown>): string {
  const dir = tempDir('kiosk-store-cli-');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ store }));
  return dir;
}

const cli = (dataDir: string, ...args: string[]) => runCliHarness(CLI, dataDir, args);

describe('store commands, SQLite', () => {
  it('status changes nothing; migrate brings the file to the latest schema', async () => {
    const dir = dataDirWith({});
    const before = await cli(dir, 'store', 'status', '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({
      engine: 'sqlite',
      location: path.join(dir, 'kiosk.sqlite'),
      reachable: true,
      schemaVersion: 0,
      migrationPending: true,
      offlineVisitsWaiting: 0,
    });
    expect(fs.existsSync(path.join(dir, 'kiosk.sqlite'))).toBe(false);
    const migrated = await cli(dir, 'store', 'migrate', '--json');
    expect(JSON.parse(migrated.stdout)).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION });
  }, 120_000);

  it('engine "postgres" without a URL is refused, naming the field', async () => {
    const dir = dataDirWith({ engine: 'postgres' });
    const r = await cli(dir, 'store', 'status');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CONFIG_INVALID');
    expect(r.stderr).toContain('store.postgres.url');
  }, 60_000);
});

describeOnPg('store commands, PostgreSQL', (cluster) => {
  it('status, migrate, status; config masks the password', async () => {
    // The throwaway cluster trusts local logins, so any password in the URL is accepted.
    const url = (await freshDatabase(cluster())).replace(
      `${cluster().user}@`,
      `${cluster().user}:${PASSWORD}@`,
    );
    const dir = dataDirWith({ engine: 'postgres', postgres: { url } });
    const before = await cli(dir, 'store', 'status', '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({
      engine: 'postgres',
      reachable: true,
      schemaVersion: 0,
      latestSchemaVersion: PG_LATEST_SCHEMA_VERSION,
      migrationPending: true,
      offlineVisitsWaiting: 0,
      error: null,
    });
    const migrated = await cli(dir, 'store', 'migrate');
    expect(migrated.stdout).toContain(`migrated from schema 0 to ${PG_LATEST_SCHEMA_VERSION}`);
    const after = await cli(dir, 'store', 'status', '--json');
    expect(JSON.parse(after.stdout)).toMatchObject({
      schemaVersion: PG_LATEST_SCHEMA_VERSION,
      migrationPending: false,
    });
    const config = await cli(dir, 'config', '--json');
    expect(JSON.parse(config.stdout).config.store.postgres.url).toBe(url.replace(PASSWORD, '***'));
    for (const r of [before, migrated, after, config]) {
      expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    }
  }, 180_000);

  it('an unreachable server: status says so (exit 1), without the password', async () => {
    const url = `postgres://kiosk:${PASSWORD}@127.0.0.1:${cluster().port + 1}/kiosk`;
    const dir = dataDirWith({ engine: 'postgres', postgres: { url, connectTimeoutMs: 2000 } });
    const r = await cli(dir, 'store', 'status', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      reachable: false,
      schemaVersion: null,
      error: { code: 'STORE_UNREACHABLE' },
    });
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    const migrate = await cli(dir, 'store', 'migrate');
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain('STORE_UNREACHABLE');
    expect(migrate.stdout + migrate.stderr).not.toContain(PASSWORD);
  }, 120_000);
});
