/**
 * A KioskStore on each engine, for the tests of calling, the HIS outbox and lookup evidence that
 * must hold on both: a fresh SQLite file, or PostgresStore on a fresh database of a throwaway
 * PostgreSQL cluster (one cluster per describe block, one database per test).
 */
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, it } from 'vitest';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { freshDatabase } from '../store/pg-databases';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { tempDir } from '../../unit/checkin/fakes';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster';

export type EngineName = 'sqlite' | 'postgres';

export interface EngineUnderTest {
  kind: EngineName;
  /** The `store` section of a config.json that opens the same data (the CLI, the app). */
  storeConfig: Record<string, unknown>;
  /** The open store (a new one after `reopen`). */
  readonly store: KioskStore;
  /** A second store on the same data (another process or station); the caller closes it. */
  openAnother(): Promise<KioskStore>;
  /** Closes the store and opens the same data again, as a restarted station would. */
  reopen(): Promise<KioskStore>;
  /** The visit's progress events, oldest first. */
  progressEvents(visitId: string): Promise<{ state: string; action: string; room: string }[]>;
  close(): Promise<void>;
}

type ProgressEvent = { state: string; action: string; room: string };
const EVENTS_OF_VISIT = 'FROM visit_progress_events WHERE visit_id = $1 ORDER BY id';

async function postgresEngine(cluster: PgCluster): Promise<EngineUnderTest> {
  const url = await freshDatabase(cluster);
  const open = () => openPostgresStore({ url, applicationName: 'kiosk-test' });
  let store = await open();
  const raw = new pg.Pool({ connectionString: url, max: 1 });
  return {
    kind: 'postgres',
    storeConfig: { engine: 'postgres', postgres: { url } },
    get store() {
      return store;
    },
    openAnother: open,
    async reopen() {
      await store.close();
      store = await open();
      return store;
    },
    async progressEvents(visitId) {
      const q = `SELECT state, action, room ${EVENTS_OF_VISIT}`;
      return (await raw.query<ProgressEvent>(q, [visitId])).rows;
    },
    async close() {
      await raw.end();
      await store.close();
    },
  };
}

function sqliteEngine(): EngineUnderTest {
  const file = path.join(tempDir('kiosk-engine-'), 'kiosk.sqlite');
  let store = openSqliteStore({ file });
  return {
    kind: 'sqlite',
    storeConfig: { file },
    get store() {
      return store;
    },
    openAnother: async () => openSqliteStore({ file }),
    async reopen() {
      await store.close();
      store = openSqliteStore({ file });
      return store;
    },
    async progressEvents(visitId) {
      const q = `SELECT state, action, room ${EVENTS_OF_VISIT.replace('$1', '?')}`;
      return store.database.prepare<[string], ProgressEvent>(q).all(visitId);
    },
    close: () => store.close(),
  };
}

export async function openEngine(
  kind: EngineName,
  cluster: PgCluster | undefined,
): Promise<EngineUnderTest> {
  if (kind === 'sqlite') return sqliteEngine();
  if (!cluster) throw new Error('a PostgreSQL engine needs the cluster');
  return postgresEngine(cluster);
}

export const ENGINES: readonly EngineName[] = ['sqlite', 'postgres'];

/**
 * Inside a `describe`: a fresh engine of this kind for each test (`current()`), on a cluster
 * started once for the block. `skip`: the PostgreSQL side cannot run here (a skipped test says why).
 */
export function useEngine(kind: EngineName): {
  skip: boolean;
  current: () => EngineUnderTest;
} {
  const available = pgAvailable();
  const skip = kind === 'postgres' && !available.ok;
  let cluster: PgCluster | undefined;
  let engine: EngineUnderTest | undefined;
  if (skip) it.skip(`skipped on this machine: ${available.ok ? '' : available.reason}`);
  beforeAll(async () => {
    if (kind === 'postgres' && !skip) cluster = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  beforeEach(async () => {
    if (!skip) engine = await openEngine(kind, cluster);
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });
  return {
    skip,
    current: () => engine!,
  };
}
