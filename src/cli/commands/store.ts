import { serverOptions } from '../../main/store/open-store';
import { openPostgresStore } from '../../main/store/postgres/open-postgres-store';
import {
  applyStationGrants,
  STATION_GROUP_ROLES,
  type GrantReport,
} from '../../main/store/postgres/pg-grants';
import { createPgPool, pgLocation, type PgPoolOptions } from '../../main/store/postgres/pg-pool';
import { toStoreError } from '../../main/store/store-errors';
import { storeHealth, type StoreHealth } from '../../main/store/store-health';
import { withRoot, type CliContext } from '../context';
import { runCommand, type RegisterCommand } from '../output';

function statusLine(s: StoreHealth): string {
  const version =
    s.schemaVersion === null
      ? 'schema unknown'
      : `schema ${s.schemaVersion} of ${s.latestSchemaVersion}${s.migrationPending ? ' (migration pending: store migrate)' : ''}`;
  return [
    `engine: ${s.engine} (${s.location})`,
    s.reachable ? `reachable, ${version}` : `NOT reachable: ${s.error?.message.en ?? ''}`,
    `offline visits waiting to upload: ${s.offlineVisitsWaiting ?? 'unknown'}`,
    s.offlineAuditWaiting
      ? `staff actions (audit entries) waiting to upload: ${s.offlineAuditWaiting}`
      : '',
    s.engine === 'postgres' ? `connection: ${s.tls?.text ?? 'TLS unknown'}` : '',
    s.role
      ? `role: ${s.role.name} (${s.role.owner ? 'database owner' : s.role.kinds.map((k) => STATION_GROUP_ROLES[k]).join(', ') || 'no station group'})`
      : '',
    // A store that answers can still be refused (schema too new) or lack its offline file.
    s.reachable && s.error ? `problem: ${s.error.message.en}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

interface MigrateReport {
  engine: 'sqlite' | 'postgres';
  location: string;
  from: number;
  to: number;
  /** On the hospital server: the station roles' rights (postgres/pg-grants.ts). */
  rolesGranted?: string[];
  rolesMissing?: string[];
  rolesNotGranted?: boolean;
}

/**
 * Opens the store (which brings it to the latest schema) and says what changed. On the hospital
 * server that is the server alone (no offline fallback, which would hide an unreachable server),
 * as its owner: `--owner-url`, else `store.postgres.ownerUrl`, else the station's own URL (a
 * single-machine setup whose station logs in as the owner). Then every station group role that
 * exists gets the rights this version's schema gives its kind (postgres/pg-grants.ts).
 */
async function migrateStore(ctx: CliContext, ownerUrl?: string): Promise<MigrateReport> {
  const { config } = ctx.config();
  const before = await storeHealth(config, ctx.dataDir);
  const server = serverOptions(config);
  const logger = ctx.logger();
  if (!server) {
    return withRoot(ctx, async (root) => {
      const store = await root.store();
      return {
        engine: before.engine,
        location: store.location,
        from: before.schemaVersion ?? 0,
        to: await store.schemaVersion(),
      };
    });
  }
  const url = ownerUrl ?? config.store.postgres?.ownerUrl ?? server.url;
  const store = await openPostgresStore({ ...server, url, logger });
  let grants: GrantReport;
  try {
    grants = await grantStationRoles({ ...server, url });
  } finally {
    await store.close();
  }
  const report = store.migration ?? { from: before.schemaVersion ?? 0, to: 0, applied: [] };
  return {
    engine: before.engine,
    location: store.location,
    from: report.from,
    to: report.to,
    rolesGranted: grants.granted,
    rolesMissing: grants.missing,
    rolesNotGranted: grants.notOwner,
  };
}

/** The station roles' rights, set on one connection of the owner. */
async function grantStationRoles(o: PgPoolOptions): Promise<GrantReport> {
  const pool = createPgPool({ ...o, max: 1 });
  try {
    const client = await pool.connect().catch((err: unknown) => {
      throw toStoreError(err, 'grant station roles', pgLocation(pool));
    });
    try {
      return await applyStationGrants(client);
    } catch (err) {
      throw toStoreError(err, 'grant station roles', pgLocation(pool));
    } finally {
      client.release();
    }
  } finally {
    await pool.end().catch(() => undefined);
  }
}

export const registerStore: RegisterCommand = (program, ctx) => {
  const store = program
    .command('store')
    .description('the configured store (station SQLite file or hospital PostgreSQL server)');
  store
    .command('status')
    .description('engine, location, whether it answers, schema version; changes nothing')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) =>
      runCommand(
        opts,
        async () => {
          const status = await storeHealth(ctx().config().config, ctx().dataDir);
          // Scripts (and the exit code) learn that the store does not answer.
          if (!status.reachable) process.exitCode = 1;
          return status;
        },
        statusLine,
      ),
    );
  store
    .command('migrate')
    .description(
      'bring the store to the schema this version writes, and on the hospital server set the station roles’ rights (run as the database owner)',
    )
    .option(
      '--owner-url <url>',
      'the database owner’s postgres:// URL (default store.postgres.ownerUrl; put the password in PGPASSWORD, not here)',
    )
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean; ownerUrl?: string }) =>
      runCommand(
        opts,
        () => migrateStore(ctx(), opts.ownerUrl),
        (r) =>
          [
            r.from === r.to
              ? `${r.engine} store ${r.location}: already at schema ${r.to}`
              : `${r.engine} store ${r.location}: migrated from schema ${r.from} to ${r.to}`,
            r.rolesNotGranted
              ? 'station roles NOT granted: this is not the owner’s URL (--owner-url)'
              : r.rolesGranted && r.rolesMissing
                ? `station roles granted: ${r.rolesGranted.join(', ') || 'none'}` +
                  (r.rolesMissing.length
                    ? `; not on the server (create them, then migrate again): ${r.rolesMissing.join(', ')}`
                    : '')
                : '',
          ]
            .filter(Boolean)
            .join('\n'),
      ),
    );
};
