/**
 * `checkin` from the command line where the flow decides for itself: a HIS booking chooses the
 * department (no --department needed, exit 0), and an --override given when no staff decision
 * is needed changes nothing (an insured person stays insured).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/domain';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { tempDir } from '../../unit/checkin/fakes';
import { runCliHarness } from '../support/run-cli';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HARNESS = path.join(HERE, 'cli-harness.ts');
const cli = (dataDir: string, args: string[]) => runCliHarness(HARNESS, dataDir, args);
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(HERE, 'fixtures', name), 'utf8')) as Record<string, unknown>;

const CARD_1 = [
  'checkin',
  '--reader',
  'Simulated CCCD Reader 0',
  '--qr',
  simQrText(simIdentity(1)),
  '--sim-identity',
  '1',
];

let server: FhirTestServer;
beforeAll(async () => {
  server = await startFhirTestServer();
});
afterAll(async () => {
  await server.close();
});

function dataDir(his: Record<string, unknown>): string {
  const dir = tempDir('kiosk-checkin-cli-');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ version: 1, his }));
  return dir;
}

describe('checkin CLI when the flow decides', () => {
  it(
    'a person booked today is checked in to the booked department without --department, exit 0',
    { timeout: 180_000 },
    async () => {
      // The hand-written fixtures, moved to today (the CLI runs on the real clock).
      const today = hospitalDay(new Date(), 'Asia/Ho_Chi_Minh');
      server.seed(fixture('booked-patient.json'));
      const appt = fixture('booked-appointment.json');
      server.seed({
        ...appt,
        start: `${today}T09:30:00+07:00`,
        end: `${today}T09:45:00+07:00`,
      });
      const dir = dataDir({
        enabled: true,
        fhirBaseUrl: server.baseUrl,
        appointments: true,
        appointmentBudgetMs: 5000,
        appointmentDepartments: { K03: 'NHI' },
      });
      const run = await cli(dir, [...CARD_1, '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as { visit: Visit; booking: { appointmentId: string } };
      expect(out.visit.department).toBe('NHI');
      expect(out.booking.appointmentId).toBe(appt.id);
    },
  );

  it(
    '--override with no decision to make is ignored: the insured person stays insured',
    { timeout: 180_000 },
    async () => {
      const dir = dataDir({ enabled: false });
      const run = await cli(dir, [
        ...CARD_1,
        '--department',
        'KHAM',
        '--override',
        'self-pay',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const { visit } = JSON.parse(run.stdout) as { visit: Visit };
      expect(visit.insurance.source).not.toBe('self-pay');
      expect(visit.insurance.result?.mayUseInsurance).toBe(true);
      expect(run.stderr).toContain('--override self-pay ignored');
    },
  );
});
