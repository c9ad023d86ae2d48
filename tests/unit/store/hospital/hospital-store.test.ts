import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../../../src/shared/domain';
import { nullLogger } from '../../../../src/main/logging/logger';
import { HospitalStore } from '../../../../src/main/store/hospital/hospital-store';
import { openSqliteStore, type SqliteStore } from '../../../../src/main/store/sqlite/sqlite-store';
import type { CheckInRequest } from '../../../../src/main/store/store-contract';
import { tempDir } from '../../checkin/fakes';
import { pendingCheckIn, TEST_DAY } from '../requests';
import { openSwitchableServer, type SwitchableServer } from './switchable-server';

const person = (n: number): string => String(200000000000 + n);

let server: SwitchableServer;
let local: SqliteStore;
let store: HospitalStore;
let statuses: StoreStatus[];

function open(): HospitalStore {
  server = openSwitchableServer();
  local = openSqliteStore({
    file: path.join(tempDir('kiosk-local-'), 'kiosk.sqlite'),
    queueNumbers: 'offline',
  });
  store = new HospitalStore({
    server: server.store,
    local,
    logger: nullLogger,
    reconnectBaseMs: 10,
    reconnectMaxMs: 40,
  });
  statuses = [];
  store.onStatus((s) => statuses.push(s));
  return store;
}

afterEach(async () => {
  await store?.close();
  await server?.inner.close();
});

const at = (n: number, over: Partial<CheckInRequest> = {}): CheckInRequest =>
  pendingCheckIn(person(n), { stationId: 'K02', ...over }, 10);

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('hospital store: failover to the station and back', () => {
  it('checks in on the server while it answers', async () => {
    const s = open();
    const { visit } = await s.checkIn(at(1));
    expect(visit.queueNumber).toBe('SRV-KHAM-T-001'); // the stand-in server's shared number
    expect(await server.inner.getVisit(visit.id)).not.toBeNull();
    expect(await local.getVisit(visit.id)).toBeNull();
    expect(await s.status()).toMatchObject({
      engine: 'postgres',
      serverReachable: true,
      offlineSince: null,
      waitingUpload: 0,
    });
  });

  it('server unreachable: offline numbers per station and department, and says so', async () => {
    const s = open();
    server.down = true;
    const a = await s.checkIn(at(1));
    const b = await s.checkIn(at(2, { lane: 'elderly' }));
    const c = await s.checkIn(at(3, { department: 'NHI', lane: 'child' }));
    expect([a.visit.queueNumber, b.visit.queueNumber, c.visit.queueNumber]).toEqual([
      'K02-KHAM-O-001',
      'K02-KHAM-O-002',
      'K02-NHI-O-001',
    ]);
    expect(b.visit.lane).toBe('elderly');
    const status = await s.status();
    expect(status).toMatchObject({ serverReachable: false, waitingUpload: 3 });
    expect(status.offlineSince).not.toBeNull();
    await until(() => statuses.some((x) => !x.serverReachable && x.waitingUpload === 3));
  });

  it('offline, the desk still reads: lists, visits of a person, and the same person again', async () => {
    const s = open();
    server.down = true;
    const first = await s.checkIn(at(1));
    const again = await s.checkIn(at(1));
    expect(again.created).toBe(false);
    expect(again.visit.id).toBe(first.visit.id);
    expect((await s.listVisits({ date: TEST_DAY })).map((v) => v.id)).toEqual([first.visit.id]);
    expect(await s.visitsOfPerson(TEST_DAY, person(1))).toHaveLength(1);
    expect((await s.getVisit(first.visit.id))?.queueNumber).toBe('K02-KHAM-O-001');
    // Prints and cancels of an offline visit are kept with it for the upload.
    await s.recordPrint(first.visit.id, 'printed', null, `${TEST_DAY}T01:00:05.000Z`);
    expect((await s.getVisit(first.visit.id))?.printStatus).toBe('printed');
  });

  it('back online: every offline visit uploaded once with its id, number, state and re-check', async () => {
    const s = open();
    const online = await s.checkIn(at(1));
    server.down = true;
    const offline = [await s.checkIn(at(2)), await s.checkIn(at(3)), await s.checkIn(at(4))];
    await s.recordPrint(offline[0]!.visit.id, 'printed', null, `${TEST_DAY}T01:00:05.000Z`);
    await s.cancelVisit(offline[2]!.visit.id, 'left', `${TEST_DAY}T01:00:06.000Z`);
    server.down = false;
    // The reconnect loop notices by itself.
    await until(() => s.serverReachable);
    expect(await s.status()).toMatchObject({
      serverReachable: true,
      waitingUpload: 0,
      uploadError: null,
    });
    const onServer = await server.inner.listVisits({ date: TEST_DAY, includeCancelled: true });
    expect(onServer.map((v) => v.queueNumber).sort()).toEqual([
      'K02-KHAM-O-001',
      'K02-KHAM-O-002',
      'K02-KHAM-O-003',
      'SRV-KHAM-T-001',
    ]);
    expect(onServer.map((v) => v.id).sort()).toEqual(
      [online, ...offline].map((r) => r.visit.id).sort(),
    );
    const printed = onServer.find((v) => v.id === offline[0]!.visit.id)!;
    expect(printed.printStatus).toBe('printed');
    expect(onServer.find((v) => v.id === offline[2]!.visit.id)!.status).toBe('cancelled');
    // The re-checks moved up with their visits (the cancelled one had dropped its own).
    expect(await server.inner.pendingRechecks()).toBe(1 + 2);
    expect(await local.pendingRechecks()).toBe(0);
    // Shared numbers again.
    expect((await s.checkIn(at(5))).visit.queueNumber).toBe('SRV-KHAM-T-002');
    // Nothing is uploaded twice: a second pass finds nothing waiting.
    const imports = server.imports;
    await s.syncNow();
    expect(server.imports).toBe(imports);
    expect(statuses.at(-1)).toMatchObject({ serverReachable: true, waitingUpload: 0 });
  });

  it('an upload whose answer was lost is sent again and the server skips what it has', async () => {
    const s = open();
    server.down = true;
    const a = await s.checkIn(at(1));
    const b = await s.checkIn(at(2));
    server.down = false;
    server.loseAnswerOfNextImport = true;
    await until(() => s.serverReachable);
    expect(server.imports).toBe(2);
    const onServer = await server.inner.listVisits({ date: TEST_DAY });
    expect(onServer.map((v) => v.id).sort()).toEqual([a.visit.id, b.visit.id].sort());
    expect(await local.offlineVisits.pendingCount()).toBe(0);
  });

  it('a person checked in online and offline keeps both visits after the upload', async () => {
    const s = open();
    server.down = true;
    const offline = await s.checkIn(at(1));
    // Meanwhile another station, still connected, checks the same person in.
    const elsewhere = await server.inner.checkIn(at(1, { stationId: 'K01' }));
    server.down = false;
    await until(() => s.serverReachable);
    const both = await server.inner.visitsOfPerson(TEST_DAY, person(1));
    expect(both.map((v) => v.id).sort()).toEqual([offline.visit.id, elsewhere.visit.id].sort());
  });

  it('what needs the server fails offline with STORE_UNREACHABLE; other failures stay failures', async () => {
    const s = open();
    const online = await s.checkIn(at(1));
    server.down = true;
    await expect(
      s.cancelVisit(online.visit.id, 'x', `${TEST_DAY}T02:00:00.000Z`),
    ).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
    server.down = false;
    await until(() => s.serverReachable);
    await server.inner.close();
    // A closed (or full, or refusing) server is not "unreachable": no offline number hides it.
    await expect(s.checkIn(at(2))).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    expect(s.serverReachable).toBe(true);
  });

  it('offline visits left by an earlier run are uploaded at the next start', async () => {
    server = openSwitchableServer();
    const file = path.join(tempDir('kiosk-local-'), 'kiosk.sqlite');
    // The earlier run: offline check-ins, then the station stopped before the server came back.
    const earlier = openSqliteStore({ file, queueNumbers: 'offline' });
    const a = await earlier.checkIn(at(1));
    expect(a.visit.queueNumber).toBe('K02-KHAM-O-001');
    await earlier.close();
    local = openSqliteStore({ file, queueNumbers: 'offline' });
    store = new HospitalStore({ server: server.store, local, logger: nullLogger });
    await until(async () => (await local.offlineVisits.pendingCount()) === 0);
    expect((await server.inner.getVisit(a.visit.id))?.queueNumber).toBe('K02-KHAM-O-001');
  });

  it('purges both, and counts a visit or identity kept on both once', async () => {
    const s = open();
    const old = { date: '2026-08-01', createdAt: '2026-08-01T01:00:00.000Z' };
    await s.saveIdentity(
      { idNumber: person(9), fullName: 'Cũ', dateOfBirth: null } as never,
      '2026-08-01T00:00:00.000Z',
    );
    server.down = true;
    const offline = await s.checkIn(at(1, old));
    server.down = false;
    await until(async () => s.serverReachable && (await s.status()).waitingUpload === 0);
    // Uploaded, and still on the station's file; the identity cached on both.
    expect(await local.getVisit(offline.visit.id)).not.toBeNull();
    expect(await server.inner.getVisit(offline.visit.id)).not.toBeNull();
    const report = await s.purge({
      visitsBefore: '2026-08-25',
      cacheBefore: '2026-08-25T00:00:00.000Z',
      at: `${TEST_DAY}T00:00:00.000Z`,
    });
    expect(report).toMatchObject({ visitsAnonymised: 1, identitiesDeleted: 1 });
    // Nothing of the person is left in either place.
    expect((await local.getVisit(offline.visit.id))?.patient.fullName).toBe('');
    expect((await server.inner.getVisit(offline.visit.id))?.patient.fullName).toBe('');
    expect(await local.getIdentity(person(9))).toBeNull();
    expect(await server.inner.getIdentity(person(9))).toBeNull();
  });
});
