/**
 * The officer who asks (issue 22): sign-in with the officer's own CCCD on the simulated reader
 * (a catalog identity) or typed, idle and end-of-day sign-out on the hospital's clock, staff
 * actions refused without an officer when configured, and every sign-in/out in the audit trail.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/load-config';
import type { KioskConfig } from '../../../src/main/config/schema';
import { createCardReaderService } from '../../../src/main/card/reader-service';
import { nullLogger } from '../../../src/main/logging/logger';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { createAuditTrail } from '../../../src/main/staff/audit-trail';
import {
  createOfficerSessions,
  type OfficerSessions,
} from '../../../src/main/staff/officer-sessions';
import { SimulatedReader } from '../../../src/sim/card/simulated-reader';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import { tempDir } from '../../unit/checkin/fakes';

interface Rig {
  sessions: OfficerSessions;
  store: SqliteStore;
  reader: SimulatedReader;
  clock: { t: number };
  lines: string[];
  close(): Promise<void>;
}

function rig(patch: (c: KioskConfig) => void = () => {}, start = '2026-11-23T03:00:00Z'): Rig {
  const config = parseConfig({ station: { mode: 'desk' } }, 'test.json');
  patch(config);
  const clock = { t: Date.parse(start) };
  const now = (): Date => new Date(clock.t);
  const { logger, lines } = createMemoryLogger('debug');
  const reader = new SimulatedReader({ logger: nullLogger });
  const cards = createCardReaderService({ config: config.reader, logger, simulated: reader });
  const store = openSqliteStore({ file: path.join(tempDir('kiosk-staff-'), 'k.sqlite') });
  const audit = createAuditTrail({
    store,
    stationId: config.station.id,
    timeZone: config.hospital.timeZone,
    officer: () => sessions.currentOfficer(),
    now,
    logger,
  });
  const sessions = createOfficerSessions({
    config,
    cards,
    readerName: null,
    audit,
    now,
    logger,
  });
  return {
    sessions,
    store,
    reader,
    clock,
    lines,
    async close() {
      sessions.close();
      await cards.close();
      await store.close();
    },
  };
}

const OFFICER = simIdentity(3).card; // a made-up person of the catalog, here on staff

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('signing in', () => {
  it('with her own card: chip read and authenticated, only name and ID kept, no identity cached', async () => {
    r = rig();
    r.reader.insert(3);
    const signed = await r.sessions.signInWithCard({ kind: 'qr', text: simQrText(simIdentity(3)) });
    expect(signed).toEqual({
      name: OFFICER.fullName,
      idNumber: OFFICER.idNumber,
      method: 'card',
      signedInAt: '2026-11-23T03:00:00.000Z',
      lastActivityAt: '2026-11-23T03:00:00.000Z',
    });
    expect(r.sessions.currentOfficer()).toEqual({
      name: OFFICER.fullName,
      idNumber: OFFICER.idNumber,
    });
    expect(await r.store.getIdentity(OFFICER.idNumber)).toBeNull();
    const [entry] = await r.store.audit.between('2026-11-23', '2026-11-23');
    expect(entry).toMatchObject({
      action: 'sign-in',
      detail: 'card',
      officerName: OFFICER.fullName,
      officerIdNumber: OFFICER.idNumber,
      visitId: null,
    });
    // Personal data never in the app's log.
    expect(r.lines.join('\n')).not.toContain(OFFICER.idNumber);
    expect(r.lines.join('\n')).not.toContain(OFFICER.fullName);
  });

  it('a chip that fails passive authentication does not sign anyone in', async () => {
    r = rig();
    r.reader.insert(6); // tampered SOD
    await expect(
      r.sessions.signInWithCard({ kind: 'qr', text: simQrText(simIdentity(6)) }),
    ).rejects.toMatchObject({ code: 'STAFF_CHIP_NOT_VERIFIED' });
    expect(r.sessions.current()).toBeNull();
    expect(await r.store.audit.between('2026-11-23', '2026-11-23')).toEqual([]);
  });

  it('no card on the reader: STAFF_NO_CARD', async () => {
    r = rig();
    await expect(r.sessions.signInWithCard({ kind: 'can', can: '123456' })).rejects.toMatchObject({
      code: 'STAFF_NO_CARD',
    });
  });

  it('typed: the name and a 12-digit ID; anything else is a typed error', async () => {
    r = rig();
    await expect(
      r.sessions.signInTyped({ name: 'X', idNumber: '001190000123' }),
    ).rejects.toMatchObject({
      code: 'STAFF_BAD_INPUT',
    });
    await expect(
      r.sessions.signInTyped({ name: 'Lê Văn Ca', idNumber: '0011900001' }),
    ).rejects.toMatchObject({
      code: 'STAFF_BAD_INPUT',
    });
    const s = await r.sessions.signInTyped({ name: '  Lê   Văn Ca ', idNumber: '001190000123' });
    expect(s).toMatchObject({ name: 'Lê Văn Ca', method: 'typed' });
  });
});

describe('signing out', () => {
  it('after the idle time without a staff action; each action restarts the wait', async () => {
    r = rig((c) => (c.staff.idleMinutes = 30));
    await r.sessions.signInTyped({ name: 'Lê Văn Ca', idNumber: '001190000123' });
    r.clock.t += 29 * 60_000;
    expect(r.sessions.forStaffAction('cancel')).toMatchObject({ idNumber: '001190000123' });
    r.clock.t += 29 * 60_000;
    expect(r.sessions.current()).not.toBeNull();
    r.clock.t += 60_001;
    expect(r.sessions.current()).toBeNull();
    await new Promise((res) => setImmediate(res));
    const actions = await r.store.audit.between('2026-11-23', '2026-11-23');
    expect(actions.map((a) => [a.action, a.detail, a.officerIdNumber])).toEqual([
      ['sign-in', 'typed', '001190000123'],
      ['sign-out', 'idle', '001190000123'],
    ]);
  });

  it("at the end of the hospital's day, on the hospital's clock (Los Angeles)", async () => {
    // 23:50 on 22/11 in Los Angeles (already the 23rd in Hanoi).
    r = rig((c) => (c.hospital.timeZone = 'America/Los_Angeles'), '2026-11-23T07:50:00Z');
    await r.sessions.signInTyped({ name: 'Lê Văn Ca', idNumber: '001190000123' });
    r.clock.t += 9 * 60_000; // 23:59 there
    expect(r.sessions.current()).not.toBeNull();
    r.clock.t += 2 * 60_000; // 00:01 on the 23rd there
    expect(r.sessions.current()).toBeNull();
    await new Promise((res) => setImmediate(res));
    const out = await r.store.audit.between('2026-11-23', '2026-11-23');
    expect(out.map((a) => [a.action, a.detail])).toEqual([['sign-out', 'end-of-day']]);
  });

  it('sign-out by hand', async () => {
    r = rig();
    await r.sessions.signInTyped({ name: 'Lê Văn Ca', idNumber: '001190000123' });
    await r.sessions.signOut();
    expect(r.sessions.current()).toBeNull();
  });
});

describe('staff actions and the officer the lookups carry', () => {
  it('sign-in required: no action and no lookup officer without one', async () => {
    r = rig((c) => (c.staff.signInRequired = true));
    expect(() => r!.sessions.forStaffAction('cancel')).toThrow(
      expect.objectContaining({ code: 'CHECKIN_STAFF_SIGN_IN_REQUIRED' }),
    );
    expect(r.sessions.lookupOfficer()).toBeNull();
    await r.sessions.signInTyped({ name: 'Lê Văn Ca', idNumber: '001190000123' });
    expect(r.sessions.lookupOfficer()).toEqual({ name: 'Lê Văn Ca', idNumber: '001190000123' });
  });

  it('sign-in not required: actions go on, lookups carry the configured officer until one signs in', async () => {
    r = rig();
    expect(r.sessions.forStaffAction('cancel')).toBeNull();
    expect(r.sessions.lookupOfficer()).toEqual({
      name: 'Nguyễn Văn Thử',
      idNumber: '001090000001',
    });
  });
});
