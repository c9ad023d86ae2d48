/**
 * Fresh databases on one throwaway cluster (../support/pg-cluster.ts, a real server), so that
 * stores start empty and the migrations run from nothing every time.
 */
import pg from 'pg';
import type { PgCluster } from '../support/pg-cluster';

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
