/**
 * The connection pool to the hospital's PostgreSQL server, and the two ways the store talks to it:
 * one transaction (`inPgTransaction`) and one read (`pgRead`). Every failure comes out as a
 * STORE_* KioskError (../store-errors.ts); the server is named by its URL with the password
 * masked, which is also all that ever reaches a log line. The password comes from the URL or, when
 * the URL has none, from PGPASSWORD (node-postgres reads it).
 */
import fs from 'node:fs';
import pg from 'pg';
import { maskUrlPassword } from '../../config/load-config';
import { planPgTls, type PgTlsFiles, type PgTlsPlan } from '../../config/pg-tls';
import type { Logger } from '../../logging/logger';
import { QUERY_READ_TIMEOUT, storeErrors, toStoreError } from '../store-errors';

export interface PgPoolOptions {
  /** `postgres://user[:password]@host[:port]/database` (TLS parameters are refused: `tls`). */
  url: string;
  /** The CA (and client certificate) for TLS; required for a host that is not this machine. */
  tls?: PgTlsFiles;
  /** Connections this process keeps at most. */
  max?: number;
  /** How long connecting may take before STORE_UNREACHABLE. */
  connectTimeoutMs?: number;
  /** A statement running longer is cancelled (STORE_LOCKED, retryable); 0: no limit. */
  statementTimeoutMs?: number;
  /** An idle connection is closed after this long. */
  idleTimeoutMs?: number;
  /** Shown in pg_stat_activity, e.g. the station id. */
  applicationName?: string;
  logger?: Logger;
}

export const PG_POOL_DEFAULTS = {
  max: 4,
  connectTimeoutMs: 5000,
  statementTimeoutMs: 15000,
  idleTimeoutMs: 30000,
} as const;

/** Where the pool's errors say the data lives: its URL, password masked. */
const locations = new WeakMap<pg.Pool, string>();

export function pgLocation(pool: pg.Pool): string {
  return locations.get(pool) ?? 'PostgreSQL';
}

/**
 * How this URL and these files connect (../../config/pg-tls.ts), the PEM files read; a missing file or a
 * refused configuration is STORE_TLS. The LISTEN connection and doctor use it too.
 */
export function pgConnection(o: Pick<PgPoolOptions, 'url' | 'tls'>): PgTlsPlan {
  try {
    return planPgTls(o.url, o.tls ?? {}, (file) => fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw storeErrors.tls(maskUrlPassword(o.url), {
      detail: code ? `TLS file: ${code}` : err instanceof Error ? err.message : 'TLS',
      cause: err,
    });
  }
}

export function createPgPool(o: PgPoolOptions): pg.Pool {
  const location = maskUrlPassword(o.url);
  const plan = pgConnection(o);
  const statementTimeout = o.statementTimeoutMs ?? PG_POOL_DEFAULTS.statementTimeoutMs;
  const connectTimeout = o.connectTimeoutMs ?? PG_POOL_DEFAULTS.connectTimeoutMs;
  const pool = new pg.Pool({
    // Without TLS parameters: node-postgres would let them override `ssl` (../../config/pg-tls.ts).
    connectionString: plan.url,
    ssl: plan.ssl,
    max: o.max ?? PG_POOL_DEFAULTS.max,
    connectionTimeoutMillis: connectTimeout,
    // A server that stops answering on an open connection (cable pulled, server frozen) sends no
    // error and no close; the statement timeout runs on the server and cannot be heard either.
    // So the client gives up a little after it (QUERY_READ_TIMEOUT: unreachable, work offline)
    // instead of waiting for TCP to give up many minutes later.
    ...(statementTimeout > 0 ? { query_timeout: statementTimeout + connectTimeout } : {}),
    keepAlive: true,
    idleTimeoutMillis: o.idleTimeoutMs ?? PG_POOL_DEFAULTS.idleTimeoutMs,
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    application_name: o.applicationName ?? 'cccd-checkin-kiosk',
  });
  locations.set(pool, location);
  // An idle connection the server drops (restart, network) emits 'error' on the pool; unhandled,
  // that would end the process. The next query simply gets a fresh connection.
  pool.on('error', (err) => {
    const e = toStoreError(err, 'idle connection', location);
    o.logger?.warn('database connection lost', { code: e.code, server: location });
  });
  return pool;
}

/**
 * One transaction on a pooled connection: BEGIN, the body, COMMIT; on any failure ROLLBACK and
 * the error as a STORE_* KioskError, so nothing is half-written. The connection goes back to the
 * pool in every case (destroyed when the rollback itself failed: its state is unknown).
 */
export async function inPgTransaction<T>(
  pool: pg.Pool,
  during: string,
  body: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const location = pgLocation(pool);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw toStoreError(err, during, location);
  }
  let broken: Error | undefined;
  // A connection that dies while checked out (server stopped, network cut) is also emitted as
  // 'error' on the client; with no listener that would be an uncaught exception. The query in
  // flight fails with it too, and that failure is what the caller gets, typed.
  const onLost = (err: Error): void => {
    broken = err;
  };
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const out = await body(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    // A connection that died or stopped answering is not asked to roll back (the server does
    // when the connection goes); it is destroyed.
    if (isQueryReadTimeout(err)) broken ??= err as Error;
    if (!broken) {
      await client.query('ROLLBACK').catch((e: unknown) => {
        broken = e instanceof Error ? e : new Error(String(e));
      });
    }
    throw toStoreError(err, during, location);
  } finally {
    client.removeListener('error', onLost);
    client.release(broken);
  }
}

/** node-postgres's client-side `query_timeout` fired: the server did not answer in time. */
export function isQueryReadTimeout(err: unknown): boolean {
  return err instanceof Error && err.message === QUERY_READ_TIMEOUT;
}

/** One statement outside a transaction (reads), its failure as a STORE_* KioskError. */
export async function pgRead<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  during: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  try {
    return (await pool.query<R>(sql, params)).rows;
  } catch (err) {
    throw toStoreError(err, during, pgLocation(pool));
  }
}

/** Tells LISTENers (other stations' desks) that a day's visits changed; inside the write's transaction. */
export async function notifyVisitsChanged(
  client: pg.PoolClient,
  days: Iterable<string>,
): Promise<void> {
  for (const day of new Set(days)) {
    await client.query("SELECT pg_notify('kiosk_visits', $1)", [day]);
  }
}
