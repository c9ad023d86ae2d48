/**
 * The desk's arrivals paths from the CLI (issue 21): no documents → a number in the reception
 * desk's queue; `ticket complete` puts the person on that same visit (same id, same number, the
 * lookup done), `ticket send-on` moves it to a clinic with its number, `visits cancel` cancels;
 * each audited as the desk's action, by the configured officer. With the simulated gateway and
 * no reader. The person is the simulator's made-up identity 1.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/main/config/load-config';
import { nullLogger } from '../../../src/main/logging/logger';
import { openStore } from '../../../src/main/store';
import type { AuditEntry, Visit } from '../../../src/shared/domain';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';
import { tempDir } from '../../unit/checkin/fakes';
import { runCliHarness, type CliRun } from '../support/run-cli';

const HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-harness.ts');
const cli = (dataDir: string, args: string[]) => runCliHarness(HARNESS, dataDir, args);

const PERSON = ['--id', '001085012345', '--name', 'Nguyễn Văn An', '--dob', '1985-03-14'];

async function auditOf(dataDir: string, visitId: string): Promise<AuditEntry[]> {
  const store = await openStore({
    dataDir,
    config: loadConfig(dataDir).config,
    logger: nullLogger,
  });
  try {
    return await store.audit.forVisit(visitId);
  } finally {
    await store.close();
  }
}

const visitOf = (run: CliRun): Visit => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const out = JSON.parse(run.stdout) as Visit | { visit: Visit };
  return 'visit' in out ? out.visit : out;
};

/** One typed line on stderr, exit 2; --json carries both languages. */
async function refused(dataDir: string, args: string[], code: string): Promise<void> {
  const run = await cli(dataDir, [...args, '--json']);
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error ${code}: `));
  const { error } = JSON.parse(run.stdout) as {
    error: { code: string; message: { vi: string; en: string } };
  };
  expect(error.code).toBe(code);
  expect(error.message.vi).not.toBe('');
  expect(error.message.en).not.toBe('');
  expect(error.message.vi).not.toBe(error.message.en);
}

// Each test starts several CLI processes (tsx each time): on a loaded 2-core machine that alone
// can pass the default 30 s.
describe('the desk ticket from the CLI', { timeout: 180_000 }, () => {
  it('no documents → reception ticket; completed in place; sent on to a clinic with its number', async () => {
    const dir = tempDir('kiosk-cli-ticket-');
    const ticket = visitOf(await cli(dir, ['checkin', '--no-documents', '--json']));
    expect(ticket).toMatchObject({
      department: 'TD',
      lane: 'normal',
      queueNumber: 'K01-TD-T-001',
      document: 'none',
      patient: { fullName: '', idNumber: '' },
    });

    const completed = visitOf(
      await cli(dir, ['ticket', 'complete', ticket.id, ...PERSON, '--sex', 'M', '--json']),
    );
    expect(completed).toMatchObject({
      id: ticket.id,
      queueNumber: 'K01-TD-T-001',
      department: 'TD',
      document: 'typed-cccd',
      patient: { idNumber: '001085012345', fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-14' },
      insurance: { source: 'online', result: { outcome: 'insured' } },
    });
    // Once complete it is no open ticket any more: a second completion is refused.
    const again = await cli(dir, ['ticket', 'complete', ticket.id, ...PERSON, '--sex', 'M']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error CHECKIN_VISIT_NOT_FOUND: /);

    const sent = visitOf(
      await cli(dir, ['ticket', 'send-on', ticket.id, '--department', 'KHAM', '--json']),
    );
    expect(sent).toMatchObject({
      id: ticket.id,
      queueNumber: 'K01-TD-T-001',
      department: 'KHAM',
      lane: 'normal',
      patient: { fullName: 'Nguyễn Văn An' },
    });
    const listed = await cli(dir, ['visits', '--department', 'KHAM', '--json']);
    expect(listed.code).toBe(0);
    const clinic = JSON.parse(listed.stdout) as Visit[];
    expect(clinic.map((v) => [v.id, v.queueNumber])).toEqual([[ticket.id, 'K01-TD-T-001']]);

    const officer = loadConfig(dir).config.insurance.officer!;
    const audit = await auditOf(dir, ticket.id);
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ['manual-identity', null],
      ['sent-on', 'KHAM normal'],
    ]);
    for (const a of audit) {
      expect(a).toMatchObject({
        officerName: officer.name,
        officerIdNumber: officer.idNumber,
        stationId: 'K01',
        visitId: ticket.id,
      });
    }
  });

  it('the document shown at the desk is kept; a visit is cancelled with its reason, audited', async () => {
    const dir = tempDir('kiosk-cli-ticket-');
    const ticket = visitOf(await cli(dir, ['checkin', '--no-documents', '--json']));
    const completed = visitOf(
      await cli(dir, [
        'ticket',
        'complete',
        ticket.id,
        ...PERSON,
        '--sex',
        'Nam',
        '--document',
        'vneid-desk',
        '--json',
      ]),
    );
    expect(completed).toMatchObject({ id: ticket.id, document: 'vneid-desk' });

    const cancelled = visitOf(
      await cli(dir, ['visits', 'cancel', ticket.id, '--reason', 'người bệnh về', '--json']),
    );
    expect(cancelled).toMatchObject({ id: ticket.id, status: 'cancelled' });
    const audit = await auditOf(dir, ticket.id);
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ['manual-identity', null],
      ['cancel', 'người bệnh về'],
    ]);
  });

  it('a completion the lookup questions needs a staff decision: refused without, kept with it', async () => {
    const dir = tempDir('kiosk-cli-ticket-');
    // The register has another spelling of the name (BHYT 060): staff must decide.
    const card = SIM_IDENTITIES.find((i) => i.insurance.scenario === 'wrong-name')!.card;
    const complete = (visitId: string) => [
      ...['ticket', 'complete', visitId],
      ...['--id', card.idNumber, '--name', card.fullName, '--dob', card.dateOfBirth!],
      ...['--sex', card.sex!],
    ];
    const ticket = visitOf(await cli(dir, ['checkin', '--no-documents', '--json']));
    const asked = await cli(dir, complete(ticket.id));
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/^error CHECKIN_NEEDS_STAFF: .*--override/);
    expect(await auditOf(dir, ticket.id)).toEqual([]);

    const decided = visitOf(
      await cli(dir, [
        ...complete(ticket.id),
        ...['--override', 'self-pay', '--note', 'tên trên thẻ khác', '--json'],
      ]),
    );
    expect(decided).toMatchObject({
      id: ticket.id,
      queueNumber: 'K01-TD-T-001',
      department: 'TD',
      patient: { idNumber: card.idNumber },
      insurance: { source: 'self-pay', note: 'tên trên thẻ khác' },
    });
    const audit = await auditOf(dir, ticket.id);
    expect(audit.map((a) => [a.action, a.detail, a.reason])).toEqual([
      ['override', 'self-pay', 'tên trên thẻ khác'],
      ['manual-identity', null, null],
    ]);
  });

  it('bad inputs: exit 2 with one typed line, both languages; nothing changes', async () => {
    const dir = tempDir('kiosk-cli-ticket-');
    await refused(dir, ['checkin', '--no-documents', '--card', '0230520101'], 'USAGE_INVALID');
    await refused(dir, ['checkin', '--no-documents', '--qr', '001085012345'], 'USAGE_INVALID');
    await refused(dir, ['checkin', '--no-documents', '--id', '001085012345'], 'USAGE_INVALID');

    const ticket = visitOf(await cli(dir, ['checkin', '--no-documents', '--json']));
    const complete = ['ticket', 'complete', ticket.id];
    await refused(
      dir,
      [...complete, '--id', '12345', '--name', 'Nguyễn Văn An', '--dob', '1985', '--sex', 'M'],
      'CHECKIN_BAD_INPUT',
    );
    await refused(dir, [...complete, ...PERSON, '--sex', 'X'], 'CHECKIN_BAD_INPUT');
    await refused(
      dir,
      [
        ...complete,
        '--id',
        '001085012345',
        '--name',
        'Nguyễn Văn An',
        '--dob',
        '2999-01-01',
        '--sex',
        'M',
      ],
      'CHECKIN_BAD_INPUT',
    );
    await refused(
      dir,
      [...complete, ...PERSON, '--sex', 'M', '--document', 'chip'],
      'USAGE_INVALID',
    );
    // Not completed yet: nothing to send on; then an unknown department and lane.
    const early = await cli(dir, ['ticket', 'send-on', ticket.id, '--department', 'KHAM']);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^error CHECKIN_TICKET_NOT_SENDABLE: /);
    await refused(
      dir,
      ['ticket', 'send-on', ticket.id, '--department', 'NOPE'],
      'CHECKIN_UNKNOWN_DEPARTMENT',
    );
    await refused(
      dir,
      ['ticket', 'send-on', ticket.id, '--department', 'KHAM', '--lane', 'vip'],
      'USAGE_INVALID',
    );
    await refused(dir, ['visits', 'cancel', ticket.id, '--reason', ' '], 'CHECKIN_BAD_INPUT');

    const listed = await cli(dir, ['visits', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { id: ticket.id, status: 'active', department: 'TD', patient: { fullName: '' } },
    ]);
    expect(await auditOf(dir, ticket.id)).toEqual([]);
  });
});
