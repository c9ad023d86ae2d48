/**
 * PostgreSQL test scaffolding for the store tests: one throwaway cluster per describe block
 * (../support/pg-cluster.ts, a real server), skipped with the reason where the machine has no
 * server binaries, and fresh databases on it, so that stores start empty and the migrations run
 * from nothing every time.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { pgAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster';

/** `describe` with a cluster started before and stopped after; `cluster()` inside tests. */
export function describeWithPg(name: string, body: (cluster: () => PgCluster) => void): void {
  const available = pgAvailable();
  describe.skipIf(!available.ok)(
    available.ok ? name : `${name} (skipped: ${available.reason})`,
    () => {
      let cluster: PgCluster | undefined;
      beforeAll(async () => {
        cluster = await startPgCluster();
      }, 120_000);
      afterAll(async () => {
        await cluster?.stop();
      });
      body(() => cluster!);
    },
  );
}

let counter = 0;

/** Creates an empty database and returns its URL. */
export async function freshDatabase(cluster: PgCluster, prefix = 't'): Promise<string> {
  const name = `${prefix}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `postgres://${cluster.user}@${cluster.host}:${cluster.port}/${name}`;
}
