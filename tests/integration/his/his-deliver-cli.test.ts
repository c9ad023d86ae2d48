/**
 * A station without the app delivers from the command line: `his deliver` sends everything due
 * and says by its exit code whether anything was refused (1) or left undelivered (3); `his status`
 * sweeps first; `his send` follows the same table. Against the local FHIR test server, refusing
 * or gone. Visits are made in the station's own file directly (the check-in is tested elsewhere).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { sampleCheckIn } from '../support/sample-check-in';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { tempDir } from '../../unit/checkin/fakes';
import { runCliHarness } from '../support/run-cli';

const HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-harness.ts');
const cli = (dataDir: string, args: string[]) => runCliHarness(HARNESS, dataDir, args);

let server: FhirTestServer;
beforeAll(async () => {
  server = await startFhirTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A data folder whose HIS is `baseUrl`, with one visit of today waiting in its file. */
async function station(baseUrl: string): Promise<{ dir: string; visitId: string }> {
  const dir = tempDir('kiosk-his-deliver-');
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      version: 1,
      his: { enabled: true, fhirBaseUrl: baseUrl, requestTimeoutMs: 2000 },
    }),
  );
  const store = openSqliteStore({ file: path.join(dir, 'kiosk.sqlite') });
  const now = new Date();
  const { visit } = await store.checkIn(
    sampleCheckIn(1, {
      date: hospitalDay(now, 'Asia/Ho_Chi_Minh'),
      createdAt: now.toISOString(),
    }),
  );
  await store.close();
  return { dir, visitId: visit.id };
}

describe('his deliver / status / send from a script', () => {
  it(
    'an unreachable HIS: status counts the never-swept visit as waiting; deliver and send exit 3',
    { timeout: 180_000 },
    async () => {
      // A port that was just free: nothing answers there.
      const gone = await startFhirTestServer();
      const url = gone.baseUrl;
      await gone.close();
      const { dir, visitId } = await station(url);

      const status = await cli(dir, ['his', 'status', '--json']);
      expect(JSON.parse(status.stdout)).toMatchObject({ reachable: false, waiting: 1, sent: 0 });

      const deliver = await cli(dir, ['his', 'deliver', '--json']);
      expect(deliver.code).toBe(3);
      expect(JSON.parse(deliver.stdout)).toMatchObject({ accepted: 0, deferred: 1 });
      expect(deliver.stderr).toContain('HIS_UNREACHABLE');

      const send = await cli(dir, ['his', 'send', '--visit', visitId]);
      expect(send.code).toBe(3);
      expect(send.stdout).toContain('not delivered');
    },
  );

  it(
    'a refusing HIS: deliver and send exit 1 with HIS_REFUSED; once it accepts, deliver exits 0',
    { timeout: 180_000 },
    async () => {
      const { dir, visitId } = await station(server.baseUrl);
      server.setFault('422');
      const deliver = await cli(dir, ['his', 'deliver', '--json']);
      expect(deliver.code).toBe(1);
      expect(JSON.parse(deliver.stdout)).toMatchObject({ refused: 1, status: { refused: 1 } });
      expect(deliver.stderr).toContain('HIS_REFUSED');

      const send = await cli(dir, ['his', 'send', '--visit', visitId]);
      expect(send.code).toBe(1);
      expect(send.stdout).toContain('REFUSED');

      server.setFault('ok');
      const resent = await cli(dir, ['his', 'send', '--visit', visitId, '--json']);
      expect(resent.code).toBe(0);
      const clean = await cli(dir, ['his', 'deliver', '--json']);
      expect(clean.code).toBe(0);
      expect(JSON.parse(clean.stdout)).toMatchObject({
        status: { waiting: 0, refused: 0, sent: 1 },
      });
    },
  );
});
