/**
 * What `store status` and `doctor` say about the configured store, without changing it (no
 * migration, no file created): which engine, where, whether it answers, its schema version
 * against the one this app writes. A store that does not answer is reported, not thrown.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { KioskErrorShape, StationMode } from '../../shared/domain';
import { toErrorShape } from '../../shared/errors';
import type { KioskConfig } from '../config/schema';
import { maskUrlPassword } from '../config/load-config';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { serverOptions, storeFile } from './open-store';
import { PG_LATEST_SCHEMA_VERSION } from './postgres/migrations';
import { pgSchemaVersion } from './postgres/pg-migrate';
import {
  createPgPool,
  pgConnection,
  pgLocation,
  pgRead,
  type PgPoolOptions,
} from './postgres/pg-pool';
import { stationKindsOf } from './postgres/pg-grants';
import { describePgTls, type PgTlsSummary } from '../config/pg-tls';
import { schemaVersionOf } from './migrate';
import { storeErrors, toStoreError } from './store-errors';
import { offlineVisitsWaitingIn } from './sqlite/offline-visits';
import { offlineAuditWaitingIn } from './sqlite/offline-audit';

export interface StoreHealth {
  engine: 'sqlite' | 'postgres';
  /** The SQLite file, or the server's URL with the password masked. */
  location: string;
  reachable: boolean;
  /** null when the store could not be read; 0 when it has no schema yet. */
  schemaVersion: number | null;
  latestSchemaVersion: number;
  /**
   * Opening it would migrate it (older schema); false when newer, current or unreadable. A newer
   * schema is reported in `error` as STORE_TOO_NEW, the refusal opening it would meet.
   */
  migrationPending: boolean;
  /**
   * Visits checked in on this station while the server was unreachable, waiting to be uploaded.
   * Always 0 on engine "sqlite" (./hospital keeps them in the station's own file); null when that
   * file cannot be read (its error is in `error` unless the server's own comes first).
   */
  offlineVisitsWaiting: number | null;
  /** The same for staff actions (audit entries) recorded there while the server was away. */
  offlineAuditWaiting: number | null;
  error: KioskErrorShape | null;
  /**
   * On the hospital server: the role this station logs in as, the station kinds it belongs to
   * (postgres/pg-grants.ts) and whether it is the owner (may change the schema); null when the
   * server did not answer or on engine "sqlite".
   */
  role?: { name: string; kinds: StationMode[]; owner: boolean } | null;
  /** On the hospital server: how this station connects (configured) and whether the session is TLS. */
  tls?: (PgTlsSummary & { inUse: boolean | null; text: string }) | null;
}

interface ServerFacts {
  version: number;
  role: NonNullable<StoreHealth['role']>;
  tlsInUse: boolean;
}

/** One connection's facts: schema version, role, TLS in use (the server's own word). */
async function serverFacts(server: PgPoolOptions): Promise<ServerFacts> {
  const pool = createPgPool({ ...server, max: 1 });
  try {
    const version = await pgSchemaVersion(pool);
    const kinds = await stationKindsOf(pool).catch((err: unknown) => {
      throw toStoreError(err, 'read role', pgLocation(pool));
    });
    const [ssl] = await pgRead<{ ssl: boolean | null }>(
      pool,
      'read TLS',
      'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
    );
    return {
      version,
      role: { name: kinds.role, kinds: kinds.kinds, owner: kinds.owner },
      tlsInUse: ssl?.ssl ?? false,
    };
  } finally {
    await pool.end().catch(() => undefined);
  }
}

async function versionOf(config: KioskConfig, dataDir: string): Promise<number> {
  const file = storeFile(dataDir, config);
  if (!fs.existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return schemaVersionOf(db);
    } finally {
      db.close();
    }
  } catch (err) {
    throw toStoreError(err, 'read schema version', file);
  }
}

export async function storeHealth(config: KioskConfig, dataDir: string): Promise<StoreHealth> {
  const postgres = config.store.engine === 'postgres' && config.store.postgres;
  const latest = postgres ? PG_LATEST_SCHEMA_VERSION : LATEST_SCHEMA_VERSION;
  const base = {
    engine: postgres ? ('postgres' as const) : ('sqlite' as const),
    location: postgres ? maskUrlPassword(postgres.url) : storeFile(dataDir, config),
    latestSchemaVersion: latest,
  };
  // The station's own file, read even (above all) while the server is away.
  let offlineVisitsWaiting: number | null = 0;
  let offlineAuditWaiting: number | null = 0;
  let fileError: KioskErrorShape | null = null;
  if (postgres) {
    const file = storeFile(dataDir, config);
    try {
      offlineVisitsWaiting = offlineVisitsWaitingIn(file);
      offlineAuditWaiting = offlineAuditWaitingIn(file);
    } catch (err) {
      offlineVisitsWaiting = null;
      offlineAuditWaiting = null;
      fileError = toErrorShape(toStoreError(err, 'count offline visits', file));
    }
  }
  const server = serverOptions(config);
  // What the configuration asks for, known even when the server does not answer.
  let plan: PgTlsSummary | null = null;
  if (server) {
    try {
      plan = pgConnection(server).summary;
    } catch {
      plan = null; // the same STORE_TLS comes from the connection below
    }
  }
  const serverPart = (facts: ServerFacts | null): Partial<StoreHealth> =>
    server
      ? {
          role: facts?.role ?? null,
          tls: plan
            ? { ...plan, inUse: facts ? facts.tlsInUse : null, text: describePgTls(plan) }
            : null,
        }
      : {};
  try {
    const facts = server ? await serverFacts(server) : null;
    const version = facts ? facts.version : await versionOf(config, dataDir);
    const tooNew =
      version > latest ? toErrorShape(storeErrors.tooNew(version, latest, base.location)) : null;
    return {
      ...base,
      offlineVisitsWaiting,
      offlineAuditWaiting,
      reachable: true,
      schemaVersion: version,
      migrationPending: version < latest,
      error: tooNew ?? fileError,
      ...serverPart(facts),
    };
  } catch (err) {
    return {
      ...base,
      offlineVisitsWaiting,
      offlineAuditWaiting,
      reachable: false,
      schemaVersion: null,
      migrationPending: false,
      error: toErrorShape(err),
      ...serverPart(null),
    };
  }
}
