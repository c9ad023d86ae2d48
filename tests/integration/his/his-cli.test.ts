/**
 * `his status` and `his send` end to end: a check-in by the CLI (simulated reader and lookup
 * service), then the HIS commands against the local FHIR test endpoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import type { Visit } from '../../../src/shared/domain';
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

describe('his status / his send', () => {
  it(
    'reports waiting and refused, sends one visit, keeps the bearer token out of the output',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir('kiosk-his-cli-');
      fs.writeFileSync(
        path.join(dir, 'config.json'),
        JSON.stringify({
          version: 1,
          his: {
            enabled: true,
            fhirBaseUrl: server.baseUrl,
            auth: { kind: 'bearer', bearerToken: 'tok-123' },
          },
        }),
      );
      server.requireAuthorization('Bearer tok-123');
      const checkin = await cli(dir, [
        'checkin',
        '--reader',
        'Simulated CCCD Reader 0',
        '--qr',
        simQrText(simIdentity(1)),
        '--sim-identity',
        '1',
        '--department',
        'KHAM',
        '--json',
      ]);
      expect(checkin.stderr).toBe('');
      const { visit } = JSON.parse(checkin.stdout) as { visit: Visit };

      server.setFault('422');
      const refused = await cli(dir, ['his', 'send', '--visit', visit.id, '--json']);
      expect(JSON.parse(refused.stdout)).toMatchObject({
        outcome: { kind: 'refused', status: 422 },
      });

      server.setFault('ok');
      const status = await cli(dir, ['his', 'status', '--json']);
      const s = JSON.parse(status.stdout) as Record<string, unknown>;
      expect(s).toMatchObject({ reachable: true, waiting: 0, refused: 1, sent: 0 });
      expect(status.stdout).not.toContain('tok-123');

      const sent = await cli(dir, ['his', 'send', '--visit', visit.id]);
      expect(sent.stdout).toContain('accepted');
      expect(server.all('Encounter')).toHaveLength(1);
      const after = JSON.parse((await cli(dir, ['his', 'status', '--json'])).stdout) as object;
      expect(after).toMatchObject({ waiting: 0, refused: 0, sent: 1 });

      const unknown = await cli(dir, ['his', 'send', '--visit', 'nope']);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toContain('HIS_VISIT_UNKNOWN');
    },
  );
});
