/**
 * A suite on one throwaway PostgreSQL cluster (./pg-cluster.ts), started before its tests and
 * removed after them; skipped, saying why, on a machine without the server binaries.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { pgAvailable, startPgCluster, type PgCluster } from './pg-cluster';

export function describeOnPg(name: string, body: (cluster: () => PgCluster) => void): void {
  const available = pgAvailable();
  describe.skipIf(!available.ok)(
    `${name}${available.ok ? '' : ` (skipped: ${available.reason})`}`,
    () => {
      let cluster: PgCluster | undefined;
      beforeAll(async () => {
        cluster = await startPgCluster();
      }, 120_000);
      afterAll(async () => {
        await cluster?.stop();
      });
      body(() => {
        if (!cluster) throw new Error('the PostgreSQL cluster did not start');
        return cluster;
      });
    },
  );
}
