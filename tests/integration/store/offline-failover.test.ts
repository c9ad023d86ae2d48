/**
 * Issue 12, done when: "PostgreSQL stopped mid-run → stations continue offline → restarted →
 * every offline visit uploaded once, nothing lost". Two stations on one real throwaway server:
 * shared numbers, the server stopped (pg_ctl stop) while both keep checking in with their own
 * offline numbers, the server started again, and then every visit is on the server exactly once
 * with the number its slip shows, and shared numbers resume.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { StoreStatus } from '../../../src/shared/domain';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { nullLogger } from '../../../src/main/logging/logger';
import { createAuditTrail } from '../../../src/main/staff/audit-trail';
import type { HospitalStore } from '../../../src/main/store/hospital/hospital-store';
import { openHospitalStore } from '../../../src/main/store/hospital/open-hospital-store';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import { processRunId } from '../../../src/main/store/print-owner';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { CheckInRequest } from '../../../src/main/store/store-contract';
import { tempDir } from '../../unit/checkin/fakes';
import { request } from '../../unit/store/store-contract-suite';
import { describeOnPg } from '../support/describe-on-pg';
import { until } from '../support/until';
import { runCliHarness } from '../support/run-cli';
import { throughRelay } from '../support/pg-cut-proxy';
import { freshDatabase } from './pg-databases';

const DAY = '2026-11-23';
const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../src/cli/main.ts');

function station(
  url: string,
  id: string,
  over: { connectTimeoutMs?: number; statementTimeoutMs?: number; listen?: boolean } = {},
): Promise<HospitalStore> {
  const { listen, ...server } = over;
  return openHospitalStore({
    server: { url, applicationName: `kiosk-test ${id}`, connectTimeoutMs: 2000, ...server },
    localFile: path.join(tempDir(`kiosk-${id}-`), 'kiosk.sqlite'),
    logger: nullLogger,
    reconnectBaseMs: 100,
    reconnectMaxMs: 500,
    listen,
  });
}

let n = 0;
const checkIn = (stationId: string, over: Partial<CheckInRequest> = {}): CheckInRequest => {
  const id = String(400000000000 + ++n);
  return request({
    id,
    stationId,
    createdAt: `${DAY}T02:${String(n % 60).padStart(2, '0')}:00.000Z`,
    recheck: { idNumber: id, fullName: 'Trần Thị Thử', dateOfBirth: '1990-01-01' },
    ...over,
  });
};

describeOnPg('hospital server stopped mid-run', (pg) => {
  it('stations continue offline, and after the restart every offline visit is uploaded once', async () => {
    const url = await freshDatabase(pg());
    const k01 = await station(url, 'K01');
    const k02 = await station(url, 'K02');
    const statuses: StoreStatus[] = [];
    k02.onStatus((s) => statuses.push(s));
    const made: { id: string; number: string }[] = [];
    const record = (r: { visit: { id: string; queueNumber: string } }) => {
      made.push({ id: r.visit.id, number: r.visit.queueNumber });
      return r.visit.queueNumber;
    };
    try {
      // Online: one shared counter for both stations.
      const shared = [
        record(await k01.checkIn(checkIn('K01'))),
        record(await k02.checkIn(checkIn('K02'))),
      ];
      expect(shared).toEqual(['KHAM-T-001', 'KHAM-T-002']);
      const both = checkIn('K01');
      record(await k01.checkIn(both));

      await pg().pause();
      const offline: string[] = [];
      for (let i = 0; i < 3; i++) {
        offline.push(record(await k01.checkIn(checkIn('K01'))));
        offline.push(record(await k02.checkIn(checkIn('K02', { lane: 'elderly' }))));
      }
      // The person checked in online at K01 comes to K02: offline, K02 cannot know.
      offline.push(record(await k02.checkIn({ ...both, stationId: 'K02' })));
      expect(offline).toEqual([
        'K01-KHAM-O-001',
        'K02-KHAM-O-001',
        'K01-KHAM-O-002',
        'K02-KHAM-O-002',
        'K01-KHAM-O-003',
        'K02-KHAM-O-003',
        'K02-KHAM-O-004',
      ]);
      expect(await k02.status()).toMatchObject({ serverReachable: false, waitingUpload: 4 });
      expect(await k01.status()).toMatchObject({ serverReachable: false, waitingUpload: 3 });
      expect(statuses.some((s) => !s.serverReachable)).toBe(true);
      // The desk still reads: its own offline visits.
      expect(await k02.listVisits({ date: DAY })).toHaveLength(4);

      await pg().start();
      await until(
        async () =>
          k01.serverReachable &&
          k02.serverReachable &&
          (await k01.status()).waitingUpload === 0 &&
          (await k02.status()).waitingUpload === 0,
        20_000,
      );

      const check = await openPostgresStore({ url });
      try {
        const onServer = await check.listVisits({ date: DAY });
        // Nothing lost, nothing twice, every slip's number kept.
        expect(onServer).toHaveLength(made.length);
        expect(onServer.map((v) => `${v.id} ${v.queueNumber}`).sort()).toEqual(
          made.map((m) => `${m.id} ${m.number}`).sort(),
        );
        // Both visits of the person checked in online and offline are kept.
        expect(await check.visitsOfPerson(DAY, both.patient.idNumber)).toHaveLength(2);
        // The re-checks travelled with their visits: one per visit.
        expect(await check.pendingRechecks()).toBe(made.length);
        // Shared numbers again, continuing the server's counter.
        expect(record(await k02.checkIn(checkIn('K02')))).toBe('KHAM-T-004');
      } finally {
        await check.close();
      }
      expect(statuses.at(-1)).toMatchObject({ serverReachable: true, waitingUpload: 0 });
    } finally {
      await Promise.all([k01.close(), k02.close()]);
    }
  }, 120_000);

  it("a check-in whose COMMIT answer is lost, then made offline: one visit, with the slip's number", async () => {
    const url = await freshDatabase(pg());
    const { proxy, url: relayed } = await throughRelay(url, pg());
    const k02 = await station(relayed, 'K02', { listen: false });
    try {
      expect((await k02.checkIn(checkIn('K02'))).visit.queueNumber).toBe('KHAM-T-001');
      // The server commits the next check-in, but its answer never reaches the station, which
      // cannot tell and checks the person in offline: that slip is the one printed.
      proxy.loseNextCommitAnswer();
      const lost = checkIn('K02');
      const { visit } = await k02.checkIn(lost);
      expect(visit.queueNumber).toBe('K02-KHAM-O-001');
      await until(
        async () => k02.serverReachable && (await k02.status()).waitingUpload === 0,
        20_000,
      );
      const check = await openPostgresStore({ url });
      try {
        // One visit for the person, under the number on the slip: no second, unprinted visit
        // waiting to be called in the room.
        const visits = await check.visitsOfPerson(DAY, lost.patient.idNumber);
        expect(visits.map((v) => `${v.id} ${v.queueNumber}`)).toEqual([
          `${visit.id} K02-KHAM-O-001`,
        ]);
        expect(await check.pendingRechecks()).toBe(2);
      } finally {
        await check.close();
      }
    } finally {
      await k02.close();
      await proxy.close();
    }
  }, 60_000);

  it('staff actions recorded while the server is away go up to it once, also when the upload is repeated or its answer lost', async () => {
    const url = await freshDatabase(pg());
    const { proxy, url: relayed } = await throughRelay(url, pg());
    const localFile = path.join(tempDir('kiosk-D01-'), 'kiosk.sqlite');
    const d01 = await openHospitalStore({
      server: { url: relayed, connectTimeoutMs: 2000 },
      localFile,
      logger: nullLogger,
      reconnectBaseMs: 100,
      reconnectMaxMs: 500,
      listen: false,
    });
    let minute = 0;
    const trail = createAuditTrail({
      store: d01,
      stationId: 'D01',
      timeZone: 'Asia/Ho_Chi_Minh',
      officer: () => ({ name: 'Trần Thị Lễ Tân', idNumber: '001190000123' }),
      now: () => new Date(Date.UTC(2026, 10, 23, 2, ++minute)),
      logger: nullLogger,
    });
    const check = await openPostgresStore({ url });
    const onServer = async () =>
      (await check.audit.between(DAY, DAY)).map((e) => `${e.action} ${e.visitId ?? ''}`);
    try {
      await trail.record({ action: 'sign-in', detail: 'card' });
      expect(await onServer()).toEqual(['sign-in ']);

      // The server stops: the cancel is recorded in the station's own file.
      await pg().pause();
      await trail.record({ action: 'cancel', visitId: 'v-1', reason: 'nhầm khoa' });
      expect(d01.serverReachable).toBe(false);
      expect((await d01.audit.forVisit('v-1')).map((e) => e.action)).toEqual(['cancel']);
      // Back, and the first upload's COMMIT reaches the server but its answer is lost: the
      // station cannot tell, keeps the entry waiting, and sends it again.
      proxy.loseNextCommitAnswer();
      await pg().start();
      await until(async () => d01.serverReachable, 20_000);
      await until(async () => (await onServer()).length === 2, 20_000);
      await d01.syncNow();
      // An online action whose COMMIT answer is lost: written on the station too, same uid.
      proxy.loseNextCommitAnswer();
      await trail.record({ action: 'reprint', visitId: 'v-1' });
      await until(async () => d01.serverReachable, 20_000);
      await d01.syncNow();
      await d01.syncNow();

      expect(await onServer()).toEqual(['sign-in ', 'cancel v-1', 'reprint v-1']);
      const cancel = (await check.audit.forVisit('v-1'))[0]!;
      expect(cancel).toMatchObject({
        officerName: 'Trần Thị Lễ Tân',
        officerIdNumber: '001190000123',
        stationId: 'D01',
        reason: 'nhầm khoa',
      });
      // The station reads both and shows each entry once.
      expect((await d01.audit.between(DAY, DAY)).map((e) => e.action)).toEqual([
        'sign-in',
        'cancel',
        'reprint',
      ]);
      expect((await d01.status()).uploadError).toBeNull();
    } finally {
      await d01.close();
      await check.close();
      await proxy.close();
    }
    // The station's file keeps its entries (append-only), all marked as on the server.
    const local = openSqliteStore({ file: localFile, queueNumbers: 'offline' });
    try {
      expect((await local.audit.between(DAY, DAY)).map((e) => e.action)).toEqual([
        'cancel',
        'reprint',
      ]);
      expect(await local.offlineAudit.pendingCount()).toBe(0);
    } finally {
      await local.close();
    }
  }, 120_000);

  it('a server that goes silent mid-check-in (cable pulled): the station goes offline within seconds', async () => {
    const url = await freshDatabase(pg());
    const { proxy, url: relayed } = await throughRelay(url, pg());
    const k02 = await station(relayed, 'K02', {
      listen: false,
      connectTimeoutMs: 1000,
      statementTimeoutMs: 1000,
    });
    try {
      expect((await k02.checkIn(checkIn('K02'))).visit.queueNumber).toBe('KHAM-T-001');
      proxy.goSilent();
      const started = Date.now();
      const { visit } = await k02.checkIn(checkIn('K02'));
      expect(visit.queueNumber).toBe('K02-KHAM-O-001');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(k02.serverReachable).toBe(false);
    } finally {
      await k02.close();
      await proxy.close();
    }
  }, 30_000);

  it('the server imports a batch once: sent again, it is skipped, and a person is reported', async () => {
    const url = await freshDatabase(pg());
    const server = await openPostgresStore({ url });
    const local = openSqliteStore({
      file: path.join(tempDir('kiosk-K03-'), 'kiosk.sqlite'),
      queueNumbers: 'offline',
    });
    try {
      const online = await server.checkIn(checkIn('K01'));
      await local.checkIn({ ...checkIn('K03'), patient: online.visit.patient });
      const second0 = await local.checkIn(checkIn('K03'));
      // The lookup failed at that offline check-in: its evidence goes up with the visit.
      await local.lookupEvidence.record(second0.visit.id, {
        askedAt: `${DAY}T02:00:00.000Z`,
        query: {
          idNumber: second0.visit.patient.idNumber,
          fullName: 'Trần Thị Thử',
          dateOfBirth: '1990-01-01',
        },
        endpoint: 'simulated',
        failure: 'no-answer',
        httpStatus: null,
        errorCode: 'INSURANCE_TIMEOUT',
        durationMs: 8000,
      });
      // A room on this station called it while offline: the call goes up too (recent calls).
      const called = await local.callNext({
        date: DAY,
        room: 'P101',
        departments: ['KHAM'],
        stationId: 'K03',
        at: `${DAY}T02:05:00.000Z`,
        policy: DEFAULT_QUEUE_POLICY,
      });
      expect(called).not.toBeNull();
      const batch = await local.offlineVisits.pending();
      expect(batch[1]!.evidence).toHaveLength(1);
      expect(batch.flatMap((b) => b.progressEvents)).toHaveLength(1);
      const first = await server.importOfflineVisits(batch);
      expect(first.imported).toHaveLength(2);
      expect(first.alsoCheckedInOnline).toEqual([batch[0]!.visit.id]);
      const second = await server.importOfflineVisits(batch);
      expect(second).toEqual({
        imported: [],
        alreadyThere: batch.map((b) => b.visit.id),
        alsoCheckedInOnline: [],
      });
      expect(await server.lookupEvidence.count(DAY, DAY)).toBe(1);
      const calls = await server.recentCalls({ date: DAY, rooms: ['P101'], limit: 5 });
      expect(calls.map((c) => c.visit.id)).toEqual([called!.id]);
      const [kept] = await server.lookupEvidence.between(DAY, DAY);
      expect(kept).toMatchObject({ visitId: second0.visit.id, errorCode: 'INSURANCE_TIMEOUT' });
      const numbers = (await server.listVisits({ date: DAY })).map((v) => v.queueNumber);
      expect(numbers.sort()).toEqual(['K03-KHAM-O-001', 'K03-KHAM-O-002', 'KHAM-T-001']);
      // An online check-in of a person with an uploaded offline visit finds it (no third slip).
      const again = await server.checkIn({ ...checkIn('K01'), patient: batch[1]!.visit.patient });
      expect(again).toMatchObject({ created: false, visit: { id: batch[1]!.visit.id } });
    } finally {
      await server.close();
      await local.close();
    }
  });

  it('a slip still printing when its visit goes up keeps its owner: another station starting leaves it alone', async () => {
    const url = await freshDatabase(pg());
    const k03 = { station: 'K03', run: processRunId() };
    const local = openSqliteStore({
      file: path.join(tempDir('kiosk-K03-'), 'kiosk.sqlite'),
      queueNumbers: 'offline',
      printRun: k03,
    });
    const server = await openPostgresStore({ url, printRun: { station: 'K03', run: k03.run } });
    const otherStation = await openPostgresStore({
      url,
      printRun: { station: 'K01', run: processRunId() },
    });
    try {
      const { visit } = await local.checkIn(checkIn('K03'));
      await local.recordPrint(visit.id, 'printing', null, `${DAY}T02:00:01.000Z`);
      const batch = await local.offlineVisits.pending();
      expect(batch[0]!.printOwner).toEqual(k03);
      await server.importOfflineVisits(batch);

      const interrupted = { code: 'PRINT_INTERRUPTED', message: { vi: 'Bị ngắt', en: 'Cut' } };
      // K01 starts up: the print belongs to K03's running process, so K01 leaves it.
      expect(await otherStation.failInterruptedPrints(interrupted)).toBe(0);
      // The slip comes out at K03, whose record now reaches the server.
      const printed = await server.recordPrint(visit.id, 'printed', null, `${DAY}T02:00:03.000Z`);
      expect(printed?.printStatus).toBe('printed');
    } finally {
      await otherStation.close();
      await server.close();
      await local.close();
    }
  });

  it('store status --json counts the offline visits and staff actions waiting, also while the server is away', async () => {
    const dir = tempDir('kiosk-status-');
    const url = `postgres://kiosk@127.0.0.1:${pg().port + 1}/kiosk`; // nobody listens there
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ store: { engine: 'postgres', postgres: { url, connectTimeoutMs: 2000 } } }),
    );
    const local = openSqliteStore({
      file: path.join(dir, 'kiosk.sqlite'),
      queueNumbers: 'offline',
    });
    try {
      await local.checkIn(checkIn('K04'));
      await local.checkIn(checkIn('K04'));
      // A staff action recorded there too, waiting as well.
      await createAuditTrail({
        store: local,
        stationId: 'K04',
        timeZone: 'Asia/Ho_Chi_Minh',
        officer: () => null,
        now: () => new Date(`${DAY}T02:00:00.000Z`),
        logger: nullLogger,
      }).record({ action: 'reprint', visitId: 'v-1' });
    } finally {
      await local.close();
    }
    const r = await runCliHarness(CLI, dir, ['store', 'status', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({
      engine: 'postgres',
      reachable: false,
      offlineVisitsWaiting: 2,
      offlineAuditWaiting: 1,
      error: { code: 'STORE_UNREACHABLE' },
    });
  }, 120_000);
});
