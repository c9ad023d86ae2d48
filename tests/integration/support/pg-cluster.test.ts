/** The throwaway cluster harness itself: starts, answers over TCP, stops and starts again. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster';

const available = pgAvailable();

describe.skipIf(!available.ok)('throwaway PostgreSQL cluster', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('serves its own database on its own port, and comes back after a pause', async () => {
    const query = async (): Promise<string> => {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const r = await client.query<{ db: string }>('SELECT current_database() AS db');
        return r.rows[0]!.db;
      } finally {
        await client.end();
      }
    };
    expect(await query()).toBe('kiosk');
    await cluster.pause();
    await expect(query()).rejects.toThrow();
    await cluster.start();
    expect(await query()).toBe('kiosk');
  }, 120_000);
});
