/**
 * The check-in commands end to end: the in-process simulated reader, the simulated lookup
 * service over real HTTP (or an unreachable one), the SQLite file in a fresh data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import { hospitalDay } from '../../../src/shared/hospital-day';
import type { Visit } from '../../../src/shared/domain';
import { tempDir } from '../../unit/checkin/fakes';
import { runCliHarness } from '../support/run-cli';

const HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-harness.ts');
const READER = 'Simulated CCCD Reader 0';

const cli = (dataDir: string, args: string[]) => runCliHarness(HARNESS, dataDir, args);

const checkinArgs = (index: number, department = 'KHAM', extra: string[] = []) => [
  'checkin',
  '--reader',
  READER,
  '--qr',
  simQrText(simIdentity(index)),
  '--sim-identity',
  String(index),
  '--department',
  department,
  '--json',
  ...extra,
];

describe('checkin / visits / export / purge commands', () => {
  it('checks in, gives the same visit back on a repeat, lists, exports', async () => {
    const dir = tempDir('kiosk-cli-');
    const first = await cli(dir, checkinArgs(1, 'KHAM', ['--lane', 'elderly']));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout) as { visit: Visit; reprint: boolean };
    expect(a.reprint).toBe(false);
    expect(a.visit).toMatchObject({
      queueNumber: 'K01-KHAM-C-001',
      department: 'KHAM',
      lane: 'elderly',
      identitySource: 'chip',
      patient: { fullName: simIdentity(1).card.fullName },
      insurance: { source: 'online', result: { outcome: 'insured' } },
      printStatus: 'not-printed',
    });

    const again = JSON.parse((await cli(dir, checkinArgs(1))).stdout) as {
      visit: Visit;
      reprint: boolean;
    };
    expect(again.reprint).toBe(true);
    expect(again.visit.id).toBe(a.visit.id);

    const listed = await cli(dir, ['visits', '--json']);
    expect((JSON.parse(listed.stdout) as Visit[]).map((v) => v.queueNumber)).toEqual([
      'K01-KHAM-C-001',
    ]);
    const human = await cli(dir, ['visits', '--query', 'nguyen van an']);
    expect(human.stdout).toContain('K01-KHAM-C-001');

    const out = path.join(dir, 'day.csv');
    const exported = await cli(dir, [
      'export',
      '--date',
      hospitalDay(new Date(), 'Asia/Ho_Chi_Minh'),
      '--out',
      out,
      '--json',
    ]);
    expect(JSON.parse(exported.stdout)).toMatchObject({ visits: 1, file: out });
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('K01-KHAM-C-001');
    expect(csv).not.toContain(simIdentity(1).card.idNumber);

    const purged = await cli(dir, ['purge', '--json']);
    expect(JSON.parse(purged.stdout)).toMatchObject({
      retentionDays: 90,
      visitsAnonymised: 0,
      slipFilesDeleted: 0,
    });
  });

  it('lookup service unreachable: the visit is made with insurance pending', async () => {
    const dir = tempDir('kiosk-cli-offline-');
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        // The default officer is the placeholder: a test bench.
        allowSimulated: true,
        insurance: {
          service: 'bhxh',
          baseUrl: 'http://127.0.0.1:9',
          username: 'u',
          password: 'p',
          requestTimeoutMs: 1000,
          checkinBudgetMs: 1500,
          retryCount: 0,
        },
      }),
    );
    const r = await cli(dir, checkinArgs(1));
    expect(r.code).toBe(0);
    const { visit } = JSON.parse(r.stdout) as { visit: Visit };
    expect(visit.insurance).toMatchObject({ source: 'pending', result: null });
  });

  it('bad input: exit 2 with one line; a wrong key: the card error', async () => {
    const dir = tempDir('kiosk-cli-bad-');
    const bad = await cli(dir, [...checkinArgs(1, 'NOPE')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error USAGE_INVALID: --department must be one of/);
    const date = await cli(dir, ['visits', '--date', '2026-02-30']);
    expect(date.code).toBe(2);

    // PACE cards open with the ID number alone (CAN = its last 6 digits), so a wrong date of
    // birth no longer matters there: the wrong key is another person's ID number.
    const wrong = await cli(dir, [
      'checkin',
      '--reader',
      READER,
      '--id',
      simIdentity(2).card.idNumber,
      '--dob',
      '1999-01-01',
      '--sim-identity',
      '1',
      '--department',
      'KHAM',
    ]);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/^error CARD_WRONG_KEY/);
  });
});
