import { openStore, serverOptions } from '../../main/store/open-store';
import { openPostgresStore } from '../../main/store/postgres/postgres-store';
import { storeHealth, type StoreHealth } from '../../main/store/store-health';
import type { CliContext } from '../context';
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
    // A store that answers can still be refused (schema too new) or lack its offline file.
    s.reachable && s.error ? `problem: ${s.error.message.en}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Opens the store (which brings it to the latest schema) and says what changed. On the hospital
 * server that is the server alone: no offline fallback, which would hide an unreachable server.
 */
async function migrateStore(ctx: CliContext) {
  const { config } = ctx.config();
  const before = await storeHealth(config, ctx.dataDir);
  const server = serverOptions(config);
  const logger = ctx.logger();
  const store = server
    ? await openPostgresStore({ ...server, logger })
    : await openStore({ dataDir: ctx.dataDir, config, logger });
  try {
    return {
      engine: before.engine,
      location: store.location,
      from: before.schemaVersion ?? 0,
      to: await store.schemaVersion(),
    };
  } finally {
    await store.close();
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
      'bring the store to the schema this version writes (every station also does at start)',
    )
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) =>
      runCommand(
        opts,
        () => migrateStore(ctx()),
        (r) =>
          r.from === r.to
            ? `${r.engine} store ${r.location}: already at schema ${r.to}`
            : `${r.engine} store ${r.location}: migrated from schema ${r.from} to ${r.to}`,
      ),
    );
};
