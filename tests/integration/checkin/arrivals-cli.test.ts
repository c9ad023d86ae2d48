/**
 * The CLI takes every arrival (issue 21): a BHYT card QR with no reader, a typed card code or
 * social-insurance number, and `read --qr` that says what any text is. The QR below is written by
 * hand in the layout of the team's QR-formats reference §1.4 (15 parts) for the simulator's made-up child
 * 101, who has no CCCD; the simulator's own writer is checked against it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/domain';
import { SIM_CARD_ONLY_PEOPLE } from '../../../src/sim/data/identities';
import { simBhytQrText } from '../../../src/sim/data/bhyt-qr-text';
import { tempDir } from '../../unit/checkin/fakes';
import { runCliHarness } from '../support/run-cli';

const HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-harness.ts');
const READ_HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'read-harness.ts');
const cli = (dataDir: string, args: string[]) => runCliHarness(HARNESS, dataDir, args);

// Trần Minh Khôi, 20/05/2023, male; guardian Trần Văn Mẫu (field 10).
const CHILD_QR =
  'TE1010230520101|5472e1baa76e204d696e68204b68c3b469|20/05/2023|1|53e1bb912037204e67c3b5204769e1baa320c490e1bb8b6e682c205068c6b0e1bb9d6e67204dc3b4205068e1bb8f6e672c205175e1baad6e2043e1baa775204769e1baa5792c2048c3a0204ee1bb9969|01 - 001|20/05/2023|19/05/2029|20/05/2023|01010230520101|5472e1baa76e2056c4836e204de1baab75|4|01/01/2020|0000000000000000-7102|$';

describe('arrivals from the CLI', () => {
  it("the simulator's BHYT QR writer matches the hand-written layout", () => {
    expect(simBhytQrText(SIM_CARD_ONLY_PEOPLE[0]!)).toBe(CHILD_QR);
  });

  it('a child by BHYT QR with no reader; then the same child by the typed social-insurance number', async () => {
    const dir = tempDir('kiosk-cli-arrivals-');
    const first = await cli(dir, ['checkin', '--qr', CHILD_QR, '--department', 'NHI', '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout) as { visit: Visit; deskTicket: boolean };
    expect(a.deskTicket).toBe(false);
    expect(a.visit).toMatchObject({
      department: 'NHI',
      lane: 'child', // no --lane: the law's priority (under 6)
      identitySource: 'qr',
      document: 'bhyt-qr',
      patient: { idNumber: '', fullName: 'Trần Minh Khôi', cardNumber: 'TE1010230520101' },
      insurance: { source: 'online', result: { outcome: 'insured' } },
      priority: { lane: 'child' },
    });

    const again = await cli(dir, [
      'checkin',
      '--card',
      '0230520101',
      '--department',
      'KHAM',
      '--json',
    ]);
    expect(again.code).toBe(0);
    const b = JSON.parse(again.stdout) as { visit: Visit; deskTicket: boolean };
    expect(b.deskTicket).toBe(false);
    expect(b.visit).toMatchObject({
      department: 'KHAM',
      document: 'typed-social-insurance',
      patient: { fullName: 'Trần Minh Khôi' },
    });
  });

  it('an unknown typed number is a desk ticket; a bad one a typed error', async () => {
    const dir = tempDir('kiosk-cli-arrivals-');
    const run = await cli(dir, [
      'checkin',
      '--card',
      'GD4790123456789',
      '--department',
      'KHAM',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { visit: Visit; deskTicket: boolean };
    expect(out.deskTicket).toBe(true);
    expect(out.visit.queueNumber).toBe('K01-TD-T-001');

    const bad = await cli(dir, ['checkin', '--card', '12345', '--department', 'KHAM']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('INPUT_TYPED_LENGTH');
  });

  it('read --qr says what any text is, without a reader', async () => {
    const dir = tempDir('kiosk-cli-arrivals-');
    const run = await runCliHarness(READ_HARNESS, dir, ['read', '--qr', CHILD_QR, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      kind: 'bhyt-qr',
      cardCode: 'TE1010230520101',
      fullName: 'Trần Minh Khôi',
      guardianName: 'Trần Văn Mẫu',
      checkString: '0000000000000000-7102',
    });
    const typed = await runCliHarness(READ_HARNESS, dir, ['read', '--qr', '079090001234']);
    expect(typed.stdout).toContain('typed-cccd');
  });
});
