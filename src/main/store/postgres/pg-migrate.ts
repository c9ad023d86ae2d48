/**
 * Brings the hospital's PostgreSQL database to the latest schema. Every station runs this at
 * start, possibly several at the same instant: the runner takes a transaction-scoped advisory
 * lock, so one of them migrates and the others then find nothing to do. All pending steps and
 * their `schema_version` rows commit together; a failed step leaves the database at its old
 * version. A database written by a newer app is refused (STORE_TOO_NEW) without being touched.
 */
import type pg from 'pg';
import type { Logger } from '../../logging/logger';
import { logMigration, type MigrationReport } from '../migrate';
import { storeErrors } from '../store-errors';
import { inPgTransaction, pgLocation, pgRead } from './pg-pool';
import type { PgMigration } from './migrations';

/** Any fixed pair works; it only has to be the same in every station ("kiosk", "schema"). */
const LOCK_KEY = [0x6b696f73, 0x736368] as const;

/** The schema version of the database: 0 when it has none yet. */
export async function pgSchemaVersion(pool: pg.Pool): Promise<number> {
  const [table] = await pgRead<{ t: string | null }>(
    pool,
    'schema version',
    "SELECT to_regclass('schema_version')::text AS t",
  );
  if (!table?.t) return 0;
  const [row] = await pgRead<{ v: number }>(
    pool,
    'schema version',
    'SELECT coalesce(max(version), 0)::int AS v FROM schema_version',
  );
  return row?.v ?? 0;
}

function checkOrder(migrations: readonly PgMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

export async function migratePg(
  pool: pg.Pool,
  migrations: readonly PgMigration[],
  options: { logger?: Logger; at?: string } = {},
): Promise<MigrationReport> {
  checkOrder(migrations);
  const latest = migrations.length;
  const location = pgLocation(pool);
  // Checked before locking too: an up-to-date or newer database is never written.
  const found = await pgSchemaVersion(pool);
  if (found > latest) throw storeErrors.tooNew(found, latest, location);
  if (found === latest) return { from: found, to: latest, applied: [] };
  const report = await inPgTransaction(pool, 'migrate', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_version (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const r = await client.query<{ v: number }>(
      'SELECT coalesce(max(version), 0)::int AS v FROM schema_version',
    );
    const from = r.rows[0]!.v;
    if (from > latest) throw storeErrors.tooNew(from, latest, location);
    const pending = migrations.slice(from);
    const at = options.at ?? new Date().toISOString();
    for (const step of pending) {
      await client.query(step.sql);
      await client.query(
        'INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)',
        [step.version, step.name, at],
      );
    }
    return { from, to: latest, applied: pending.map((m) => `${m.version}-${m.name}`) };
  });
  return logMigration(report, options.logger);
}
