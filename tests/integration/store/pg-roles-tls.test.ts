/**
 * The hospital server as a hospital would run it: stations log in as their own roles over TLS
 * with the server's certificate verified against a CA the test makes (../support/pg-cluster.ts,
 * `tls: true`; pg_hba.conf lets only the superuser in without `hostssl`), `store migrate` runs
 * with the owner's URL and grants each station kind its rights (src/main/store/postgres/pg-grants.ts).
 *
 * Shown: a kiosk's role is refused `SELECT * FROM visits` while its check-ins work through the
 * store (the kiosk_* functions); a client without the CA, with the wrong CA, or without TLS is
 * refused; doctor and `store status` say which role and how the station connects.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAccessCheck } from '../../../src/main/doctor/checks';
import { parseConfig } from '../../../src/main/config/load-config';
import { PG_LATEST_SCHEMA_VERSION } from '../../../src/main/store/postgres/migrations';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import { storeHealth } from '../../../src/main/store/store-health';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { CheckInRequest } from '../../../src/main/store/store-contract';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn, TEST_DAY } from '../../unit/store/requests';
import { pgAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { runCliHarness } from '../support/run-cli';
import { until } from '../support/until';
import { listenForVisitChanges } from '../../../src/main/store/hospital/pg-change-feed';
import { nullLogger } from '../../../src/main/logging/logger';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../src/cli/main.ts');
const available = pgAvailable();

/** Made-up test passwords of the throwaway cluster's station roles. */
const PASSWORDS = { k01: 'kiosk-test-pw', q1: 'desk-test-pw', r101: 'room-test-pw' };

describe.skipIf(!available.ok)('hospital server roles over verified TLS', () => {
  let cluster: PgCluster;
  let caFile: string;
  let wrongCaFile: string;
  /** The superuser (owner) on loopback without TLS, as pg_hba.conf allows it alone. */
  let owner: pg.Client;
  const roleUrl = (role: keyof typeof PASSWORDS): string =>
    `postgres://${role}:${PASSWORDS[role]}@127.0.0.1:${cluster.port}/${cluster.database}`;

  /** A station's own connection: its role, verified TLS (or as given). */
  async function connect(role: keyof typeof PASSWORDS, ssl: pg.ClientConfig['ssl']) {
    const c = new pg.Client({ connectionString: roleUrl(role), ssl });
    await c.connect();
    return c;
  }
  const verified = (): pg.ClientConfig['ssl'] => ({
    ca: fs.readFileSync(caFile, 'utf8'),
    rejectUnauthorized: true,
  });

  function stationConfig(mode: 'kiosk' | 'desk', role: keyof typeof PASSWORDS) {
    return parseConfig(
      {
        station: { id: role.toUpperCase(), mode },
        store: { engine: 'postgres', postgres: { url: roleUrl(role), caFile } },
      },
      'config.json',
    );
  }

  beforeAll(async () => {
    cluster = await startPgCluster({ tls: true });
    ({ caFile, wrongCaFile } = cluster.tls!);
    owner = new pg.Client({ connectionString: cluster.url });
    await owner.connect();
    // What the administrator does once (README "Hospital server"): the group roles, one login
    // role per station in its group.
    await owner.query(`
      CREATE ROLE kiosk_station NOLOGIN; CREATE ROLE desk_station NOLOGIN;
      CREATE ROLE room_station NOLOGIN; CREATE ROLE display_station NOLOGIN;
      CREATE ROLE k01 LOGIN PASSWORD '${PASSWORDS.k01}' IN ROLE kiosk_station;
      CREATE ROLE q1 LOGIN PASSWORD '${PASSWORDS.q1}' IN ROLE desk_station;
      CREATE ROLE r101 LOGIN PASSWORD '${PASSWORDS.r101}' IN ROLE room_station;
    `);
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    await cluster?.stop();
  });

  /** Station K01's store on its kiosk role, over verified TLS. */
  const openKioskStore = () =>
    openPostgresStore({
      url: roleUrl('k01'),
      tls: { caFile },
      access: 'kiosk',
      printRun: { station: 'K01', run: 'kiosk-host#1#test' },
    });

  it('store migrate --owner-url migrates and grants the station groups; the kiosk station itself could not', async () => {
    const dir = tempDir('kiosk-roles-');
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        station: { id: 'K01', mode: 'kiosk' },
        store: { engine: 'postgres', postgres: { url: roleUrl('k01'), caFile } },
      }),
    );
    // The kiosk's own role meets an empty schema: refused with what to run, nothing created.
    await expect(
      openPostgresStore({ url: roleUrl('k01'), tls: { caFile }, access: 'kiosk' }),
    ).rejects.toMatchObject({ code: 'STORE_MIGRATION_PENDING' });
    const r = await runCliHarness(CLI, dir, [
      'store',
      'migrate',
      '--owner-url',
      cluster.url,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({
      from: 0,
      to: PG_LATEST_SCHEMA_VERSION,
      rolesGranted: ['kiosk_station', 'desk_station', 'room_station', 'display_station'],
      rolesMissing: [],
    });
    // With the station's own URL (no owner given): nothing to migrate, and no grant pretended.
    const asStation = await runCliHarness(CLI, dir, ['store', 'migrate', '--json']);
    expect(JSON.parse(asStation.stdout)).toMatchObject({
      to: PG_LATEST_SCHEMA_VERSION,
      rolesNotGranted: true,
      rolesGranted: [],
    });
  }, 120_000);

  it('a kiosk role over verified TLS is refused SELECT on visits and the caches', async () => {
    const kiosk = await connect('k01', verified());
    try {
      const tls = await kiosk.query<{ ssl: boolean }>(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      expect(tls.rows[0]!.ssl).toBe(true);
      for (const table of [
        'visits',
        'lookup_cache',
        'identity_cache',
        'recheck_queue',
        'his_outbox',
      ]) {
        await expect(kiosk.query(`SELECT * FROM ${table}`)).rejects.toMatchObject({
          code: '42501', // insufficient_privilege: permission denied
        });
      }
      await expect(kiosk.query("DELETE FROM visits WHERE day = 'x'")).rejects.toMatchObject({
        code: '42501',
      });
      await expect(kiosk.query('CREATE TABLE mine (x int)')).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await kiosk.end();
    }
  });

  it("a kiosk's check-ins work through the store: created, duplicate found, print marked, caches used", async () => {
    const store = await openKioskStore();
    try {
      const first = await store.checkIn(pendingCheckIn('001090000001'));
      expect(first.created).toBe(true);
      expect(first.visit).toMatchObject({ queueNumber: 'KHAM-T-001', stationId: 'K01' });
      const again = await store.checkIn(pendingCheckIn('001090000001'));
      expect(again).toMatchObject({ created: false, visit: { id: first.visit.id } });
      const other = await store.checkIn(pendingCheckIn('001090000002'));
      expect(other.visit.queueNumber).toBe('KHAM-T-002');
      expect((await store.visitsOfPerson(TEST_DAY, '001090000001')).map((v) => v.id)).toEqual([
        first.visit.id,
      ]);
      const printed = await store.recordPrint(
        first.visit.id,
        'printed',
        null,
        `${TEST_DAY}T01:01:00.000Z`,
      );
      expect(printed?.printStatus).toBe('printed');
      const result = { outcome: 'covered' } as never;
      await store.saveLookup('001090000001', result, `${TEST_DAY}T01:00:00.000Z`);
      expect(await store.getLookup('001090000001')).toMatchObject({
        fetchedAt: `${TEST_DAY}T01:00:00.000Z`,
      });
      await store.hisOutbox.linkAppointment(first.visit.id, 'appt-1', `${TEST_DAY}T01:00:00.000Z`);
      // A print left "printing" by a run of this station that is gone is failed at start.
      await store.recordPrint(other.visit.id, 'printing', null, `${TEST_DAY}T01:02:00.000Z`);
      await owner.query("UPDATE visits SET print_run = 'kiosk-host#999999#gone' WHERE id = $1", [
        other.visit.id,
      ]);
      expect(
        await store.failInterruptedPrints({
          code: 'PRINT_INTERRUPTED',
          message: { vi: 'x', en: 'x' },
          retryable: true,
        }),
      ).toBe(1);
      // What the server holds, read by the owner.
      const rows = await owner.query<{ id: string; print_status: string; station_id: string }>(
        'SELECT id, print_status, station_id FROM visits ORDER BY queue_seq',
      );
      expect(rows.rows).toEqual([
        { id: first.visit.id, print_status: 'printed', station_id: 'K01' },
        { id: other.visit.id, print_status: 'failed', station_id: 'K01' },
      ]);
      const rechecks = await owner.query('SELECT count(*)::int AS n FROM recheck_queue');
      expect(rechecks.rows[0].n).toBe(2);
      const his = await owner.query('SELECT appointment_id FROM his_outbox');
      expect(his.rows).toEqual([{ appointment_id: 'appt-1' }]);
      // The staff's list is not the kiosk's: refused, typed.
      await expect(store.listVisits({ date: TEST_DAY })).rejects.toMatchObject({
        code: 'STORE_NOT_PERMITTED',
      });
    } finally {
      await store.close();
    }
  });

  it("a kiosk's check-in keeps what this wave added (card, document, priority, face) and finds a card-only child's visit by the card", async () => {
    const store = await openKioskStore();
    try {
      const faceVerification = {
        decision: 'match' as const,
        score: 0.91,
        threshold: 0.6,
        liveness: 'live' as const,
        model: 'human-faceres@3.3.6',
      };
      const child = pendingCheckIn('', {
        department: 'NHI',
        lane: 'child',
        identitySource: 'qr',
        document: 'bhyt-qr',
        priority: { lane: 'child', reason: { vi: '4 tuổi', en: '4 years old' } },
        faceVerification,
        guardianName: 'Trần Văn Mẫu',
      });
      child.patient = { ...child.patient, idNumber: '', cardNumber: 'TE1790123456780' };
      const first = await store.checkIn(child);
      expect(first.created).toBe(true);
      expect(first.visit).toMatchObject({
        document: 'bhyt-qr',
        priority: { lane: 'child' },
        faceVerification,
        patient: { cardNumber: 'TE1790123456780' },
        guardianName: 'Trần Văn Mẫu',
      });
      // A reprint reads the visit back through the kiosk's print functions: the guardian is there.
      const printed = await store.recordPrint(
        first.visit.id,
        'printed',
        null,
        `${TEST_DAY}T01:01:00.000Z`,
      );
      expect(printed?.guardianName).toBe('Trần Văn Mẫu');
      // The same child again (another scan of the same card): the same visit, no new number.
      const again = await store.checkIn({ ...child, createdAt: `${TEST_DAY}T02:00:00.000Z` });
      expect(again).toMatchObject({ created: false, visit: { id: first.visit.id } });
      // A returning patient's keys, remembered and found through the kiosk's functions.
      const known = {
        idNumber: null,
        cardNumber: 'TE1790123456780',
        socialInsuranceNumber: '0123456780',
        fullName: 'Nguyễn Bé Thử',
        dateOfBirth: '2022-06-01',
        sex: 'F' as const,
        source: 'gateway' as const,
      };
      await store.rememberPatient(['bhyt:TE1790123456780'], known, `${TEST_DAY}T02:00:00.000Z`);
      expect(await store.findPatient('bhyt:TE1790123456780')).toEqual({
        patient: known,
        seenAt: `${TEST_DAY}T02:00:00.000Z`,
      });
      expect(await store.findPatient('bhyt:XX0000000000000')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('a kiosk function cannot take a queue number the counter has not given', async () => {
    const kiosk = await connect('k01', verified());
    try {
      await expect(
        kiosk.query('SELECT * FROM kiosk_insert_visit_row($1::json, NULL)', [
          JSON.stringify({
            id: 'v-x',
            day: TEST_DAY,
            station_id: 'K01',
            department: 'KHAM',
            lane: 'normal',
            queue_seq: 900,
            queue_number: 'KHAM-T-900',
            patient_id_number: '001090000009',
            patient_name: 'x',
            patient_dob: '1970-01-01',
            patient_sex: 'F',
            identity_source: 'chip',
            insurance_json: '{}',
            created_at: `${TEST_DAY}T02:00:00.000Z`,
          }),
        ]),
      ).rejects.toMatchObject({ code: '23514' });
    } finally {
      await kiosk.end();
    }
  });

  it("a kiosk's offline visits go up through its role, once, with their re-checks, evidence and calls", async () => {
    const local = openSqliteStore({
      file: path.join(tempDir('kiosk-roles-k01-'), 'kiosk.sqlite'),
      queueNumbers: 'offline',
    });
    const store = await openKioskStore();
    try {
      // The first person (checked in online above) again, and a new one, while offline.
      const twice = await local.checkIn(pendingCheckIn('001090000001', { department: 'KHAM' }));
      const offline = await local.checkIn(pendingCheckIn('001090000003'));
      await local.lookupEvidence.record(offline.visit.id, {
        askedAt: `${TEST_DAY}T02:00:00.000Z`,
        query: { idNumber: '001090000003', fullName: 'Người Thử', dateOfBirth: '1970-01-01' },
        endpoint: 'simulated',
        failure: 'no-answer',
        httpStatus: null,
        errorCode: 'INSURANCE_TIMEOUT',
        durationMs: 8000,
      });
      await local.callNext({
        date: TEST_DAY,
        room: '101',
        departments: ['KHAM'],
        stationId: 'K01',
        at: `${TEST_DAY}T02:05:00.000Z`,
        policy: DEFAULT_QUEUE_POLICY,
      });
      const batch = await local.offlineVisits.pending();
      expect(batch.map((b) => b.visit.id).sort()).toEqual(
        [twice.visit.id, offline.visit.id].sort(),
      );
      const first = await store.importOfflineVisits(batch);
      expect(first).toEqual({
        imported: batch.map((b) => b.visit.id),
        alreadyThere: [],
        alsoCheckedInOnline: [twice.visit.id],
      });
      expect(await store.importOfflineVisits(batch)).toEqual({
        imported: [],
        alreadyThere: batch.map((b) => b.visit.id),
        alsoCheckedInOnline: [],
      });
      const up = await owner.query<{ queue_number: string; offline: boolean }>(
        'SELECT queue_number, offline FROM visits WHERE offline ORDER BY queue_number',
      );
      expect(up.rows).toEqual([
        { queue_number: 'K01-KHAM-O-001', offline: true },
        { queue_number: 'K01-KHAM-O-002', offline: true },
      ]);
      const counts = await owner.query<{ rechecks: number; evidence: number; calls: number }>(
        `SELECT (SELECT count(*)::int FROM recheck_queue WHERE visit_id = ANY($1)) AS rechecks,
           (SELECT count(*)::int FROM lookup_evidence WHERE visit_id = ANY($1)) AS evidence,
           (SELECT count(*)::int FROM visit_progress_events WHERE visit_id = ANY($1)) AS calls`,
        [[twice.visit.id, offline.visit.id]],
      );
      expect(counts.rows[0]).toEqual({ rechecks: 2, evidence: 1, calls: 1 });
      // Only offline visits go in that way: an "offline" row that is not is refused.
      const kiosk = await connect('k01', verified());
      try {
        await expect(
          kiosk.query('SELECT kiosk_import_visit(\'{"id": "x", "offline": false}\')'),
        ).rejects.toMatchObject({ code: '23514' });
      } finally {
        await kiosk.end();
      }
    } finally {
      await store.close();
      await local.close();
    }
  });

  it("a desk hears a kiosk's check-in over its own verified TLS LISTEN connection", async () => {
    const heard: (string | null)[] = [];
    const feed = listenForVisitChanges({
      url: roleUrl('q1'),
      tls: { caFile },
      onChange: (day) => heard.push(day),
      logger: nullLogger,
    });
    const store = await openPostgresStore({
      url: roleUrl('k01'),
      tls: { caFile },
      access: 'kiosk',
    });
    try {
      await feed.ready;
      await store.checkIn(pendingCheckIn('001090000004', { date: '2026-11-24' }));
      await until(() => heard.includes('2026-11-24'), 10_000);
    } finally {
      await store.close();
      await feed.close();
    }
  });

  it("a desk role uploads its station's offline audit entries, each once, and cannot change them", async () => {
    const store = await openPostgresStore({ url: roleUrl('q1'), tls: { caFile } });
    const entries = ['cancel', 'reprint'].map((action) => ({
      uid: randomUUID(),
      at: '2026-11-24T02:00:00.000Z',
      day: '2026-11-24',
      action: action as 'cancel' | 'reprint',
      officerName: 'Trần Thị Lễ Tân',
      officerIdNumber: '001190000123',
      stationId: 'Q1',
      visitId: 'v-audit',
      reason: null,
      detail: null,
    }));
    try {
      expect(await store.audit.importOfflineEntries(entries)).toEqual({
        imported: 2,
        alreadyThere: 0,
      });
      expect(await store.audit.importOfflineEntries(entries)).toEqual({
        imported: 0,
        alreadyThere: 2,
      });
      expect(await store.audit.forVisit('v-audit')).toHaveLength(2);
    } finally {
      await store.close();
    }
    const desk = await connect('q1', verified());
    try {
      await expect(desk.query('DELETE FROM audit_log')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await desk.end();
    }
  });

  it('desk and room roles get what they need and no more', async () => {
    const desk = await connect('q1', verified());
    const room = await connect('r101', verified());
    try {
      // A desk lists every visit the kiosks made above (the child's by card among them).
      const listed = await desk.query('SELECT count(*)::int AS n FROM visits');
      expect(listed.rows[0].n).toBe(6);
      await expect(desk.query('DELETE FROM visits')).rejects.toMatchObject({ code: '42501' });
      await expect(desk.query('TRUNCATE visits')).rejects.toMatchObject({ code: '42501' });
      await expect(desk.query('DROP TABLE visits')).rejects.toMatchObject({ code: '42501' });
      // The room marks progress, nothing else of a visit.
      await room.query("UPDATE visits SET progress = 'called' WHERE queue_seq = 1");
      await expect(room.query("UPDATE visits SET patient_name = 'x'")).rejects.toMatchObject({
        code: '42501',
      });
      await expect(room.query('SELECT * FROM lookup_cache')).rejects.toMatchObject({
        code: '42501',
      });
      await expect(
        room.query("SELECT * FROM kiosk_visits_of_person('x', 'y')"),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await desk.end();
      await room.end();
    }
  });

  it('a client without the CA, with the wrong CA, or without TLS is refused', async () => {
    // Node's default trust store does not hold the test CA.
    await expect(connect('k01', { rejectUnauthorized: true })).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO/),
    });
    await expect(
      connect('k01', { ca: fs.readFileSync(wrongCaFile, 'utf8'), rejectUnauthorized: true }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO/) });
    // pg_hba.conf has no line for a station role without TLS.
    await expect(connect('k01', false)).rejects.toMatchObject({ code: '28000' });
    // The same through the store: typed.
    await expect(
      openPostgresStore({ url: roleUrl('k01'), tls: { caFile: wrongCaFile }, access: 'kiosk' }),
    ).rejects.toMatchObject({ code: 'STORE_TLS' });
    await expect(openPostgresStore({ url: roleUrl('k01'), access: 'kiosk' })).rejects.toMatchObject(
      { code: 'STORE_DENIED' },
    );
  });

  it('doctor and store status say which role and that TLS is verified', async () => {
    const kiosk = stationConfig('kiosk', 'k01');
    const dir = tempDir('kiosk-roles-status-');
    const h = await storeHealth(kiosk, dir);
    expect(h).toMatchObject({
      reachable: true,
      role: { name: 'k01', kinds: ['kiosk'], owner: false },
      tls: { tls: true, verified: true, inUse: true, loopback: true },
    });
    expect(storeAccessCheck(h, 'kiosk')).toEqual({
      name: 'store role',
      status: 'ok',
      detail: 'role k01 (kiosk_station); TLS, server certificate verified (127.0.0.1)',
    });
    // A desk's role configured on a kiosk: the kiosk would get the desk's rights.
    const wrong = await storeHealth(stationConfig('kiosk', 'q1'), dir);
    expect(storeAccessCheck(wrong, 'kiosk')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('not a member of kiosk_station'),
    });
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        station: { id: 'K01', mode: 'kiosk' },
        store: { engine: 'postgres', postgres: { url: roleUrl('k01'), caFile } },
      }),
      // It holds the role's password: readable by its owner only, as doctor requires.
      { mode: 0o600 },
    );
    const status = await runCliHarness(CLI, dir, ['store', 'status']);
    expect(status.stdout).toContain('connection: TLS, server certificate verified (127.0.0.1)');
    expect(status.stdout).toContain('role: k01 (kiosk_station)');
    expect(status.stdout).not.toContain(PASSWORDS.k01);
    const doctor = await runCliHarness(CLI, dir, ['doctor', '--json']);
    const line = (
      JSON.parse(doctor.stdout) as { checks: { name: string; detail: string }[] }
    ).checks.find((c) => c.name === 'store role');
    expect(line?.detail).toBe(
      'role k01 (kiosk_station); TLS, server certificate verified (127.0.0.1)',
    );
  }, 120_000);

  it("a kiosk's offline upload carries a child's guardian, also in place of a lost answer's visit", async () => {
    const local = openSqliteStore({
      file: path.join(tempDir('kiosk-roles-guardian-'), 'kiosk.sqlite'),
      queueNumbers: 'offline',
    });
    const store = await openKioskStore();
    const child = (card: string, over: Partial<CheckInRequest> = {}): CheckInRequest => {
      const r = pendingCheckIn('', {
        department: 'NHI',
        lane: 'child',
        identitySource: 'qr',
        document: 'bhyt-qr',
        guardianName: 'Lê Thị Thử',
        ...over,
      });
      return { ...r, patient: { ...r.patient, idNumber: '', cardNumber: card } };
    };
    try {
      // The server committed this check-in but its answer was lost (no guardian reached it);
      // the station then checked the child in offline with the same id.
      const lost = await store.checkIn(
        child('TE1790123456782', { visitId: 'v-guardian-lost', guardianName: null }),
      );
      expect(lost.visit.guardianName).toBeUndefined();
      await local.checkIn(child('TE1790123456782', { visitId: 'v-guardian-lost' }));
      await local.checkIn(child('TE1790123456783', { visitId: 'v-guardian-new' }));
      const report = await store.importOfflineVisits(await local.offlineVisits.pending());
      expect(report.imported.sort()).toEqual(['v-guardian-lost', 'v-guardian-new']);
      const rows = await owner.query<{ id: string; guardian_name: string | null }>(
        `SELECT id, guardian_name FROM visits WHERE id IN ('v-guardian-lost', 'v-guardian-new')
         ORDER BY id`,
      );
      expect(rows.rows).toEqual([
        { id: 'v-guardian-lost', guardian_name: 'Lê Thị Thử' },
        { id: 'v-guardian-new', guardian_name: 'Lê Thị Thử' },
      ]);
    } finally {
      await store.close();
      await local.close();
    }
  });
});
