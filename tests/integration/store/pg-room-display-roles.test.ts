/**
 * The clinic rooms' and the waiting-room displays' roles on the hospital server, over verified
 * TLS (../support/pg-cluster.ts, `tls: true`), after `store migrate` granted each station kind
 * its rights (src/main/store/postgres/pg-grants.ts).
 *
 * Shown: a display's role is refused the visits table and every column holding a name, ID or
 * BHYT number or date of birth, while the board's requests (recent calls, waiting counts, the
 * spoken call's number) work and carry the name only as the server masked it; a room's role is
 * refused the identity columns while it calls the next patient, marks progress and lists what
 * its screen shows; both hear other stations' changes.
 */
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallingService } from '../../../src/main/calling/calling-service';
import { parseConfig } from '../../../src/main/config/load-config';
import { maskedName } from '../../../src/main/domain/visit-progress';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { nullLogger } from '../../../src/main/logging/logger';
import { listenForVisitChanges } from '../../../src/main/store/hospital/pg-change-feed';
import { openStore } from '../../../src/main/store/open-store';
import { storeHealth } from '../../../src/main/store/store-health';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import { applyStationGrants } from '../../../src/main/store/postgres/pg-grants';
import type { PostgresStore } from '../../../src/main/store/postgres/postgres-store';
import type { KioskStore } from '../../../src/main/store/store-contract';
import type { StationMode } from '../../../src/shared/domain';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn, TEST_DAY } from '../../unit/store/requests';
import { pgAvailable, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { until } from '../support/until';

const available = pgAvailable();

/** Made-up test passwords of the throwaway cluster's station roles. */
const PASSWORDS = { q1: 'desk-test-pw', r101: 'room-test-pw', d01: 'display-test-pw' };

/** Made-up people, with the names' odd spacing and case a hand-typed visit may have. */
const PEOPLE = [
  { idNumber: '001090000011', fullName: 'Nguyễn Văn An', card: 'DN4790000000011' },
  { idNumber: '001090000012', fullName: '  trần   thị\u00a0bình ', card: 'DN4790000000012' },
  { idNumber: '001090000013', fullName: 'Lê', card: 'DN4790000000013' },
  { idNumber: '001090000014', fullName: 'Đặng đức Ánh Dương', card: 'DN4790000000014' },
];

/** What no room nor display may read of a visit. */
const IDENTITY_COLUMNS = [
  'patient_id_number',
  'patient_dob',
  'patient_sex',
  'patient_card_number',
  'insurance_json',
  'priority_json',
  'chip_accepted_by_id',
];

describe.skipIf(!available.ok)('room and display roles over verified TLS', () => {
  let cluster: PgCluster;
  let caFile: string;
  let owner: pg.Client;
  /** The owner's store, standing for the kiosks and desks that checked these people in. */
  let desk: PostgresStore;
  const ids: string[] = [];
  const roleUrl = (role: keyof typeof PASSWORDS): string =>
    `postgres://${role}:${PASSWORDS[role]}@127.0.0.1:${cluster.port}/${cluster.database}`;

  async function connect(role: keyof typeof PASSWORDS): Promise<pg.Client> {
    const c = new pg.Client({
      connectionString: roleUrl(role),
      ssl: { ca: fs.readFileSync(caFile, 'utf8'), rejectUnauthorized: true },
    });
    await c.connect();
    return c;
  }

  const calling = (store: PostgresStore, maskedNames: boolean) =>
    createCallingService({
      config: parseConfig({ version: 1, queue: { display: { maskedNames } } }, 'config.json'),
      dataDir: tempDir('kiosk-room-display-'),
      store,
      // The board's day is the test's day.
      now: () => new Date(`${TEST_DAY}T03:00:00.000Z`),
    });

  beforeAll(async () => {
    cluster = await startPgCluster({ tls: true });
    caFile = cluster.tls!.caFile;
    owner = new pg.Client({ connectionString: cluster.url });
    await owner.connect();
    await owner.query(`
      CREATE ROLE kiosk_station NOLOGIN; CREATE ROLE desk_station NOLOGIN;
      CREATE ROLE room_station NOLOGIN; CREATE ROLE display_station NOLOGIN;
      CREATE ROLE q1 LOGIN PASSWORD '${PASSWORDS.q1}' IN ROLE desk_station;
      CREATE ROLE r101 LOGIN PASSWORD '${PASSWORDS.r101}' IN ROLE room_station;
      CREATE ROLE d01 LOGIN PASSWORD '${PASSWORDS.d01}' IN ROLE display_station;
    `);
    // `store migrate --owner-url`: the schema, then each kind's rights.
    desk = await openPostgresStore({ url: cluster.url });
    expect(await applyStationGrants(owner)).toMatchObject({ notOwner: false, missing: [] });
    for (const [i, p] of PEOPLE.entries()) {
      const req = pendingCheckIn(p.idNumber, {
        createdAt: `${TEST_DAY}T01:0${i}:00.000Z`,
        ...(i === 3 ? { lane: 'elderly' as const } : {}),
      });
      req.patient = { ...req.patient, fullName: p.fullName, cardNumber: p.card };
      ids.push((await desk.checkIn(req)).visit.id);
    }
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await owner?.end();
    await cluster?.stop();
  });

  it('the server masks a name as the board does', async () => {
    const names = [...PEOPLE.map((p) => p.fullName), 'x', ' ', '\u3000a b'];
    for (const name of names) {
      const r = await owner.query<{ m: string | null }>('SELECT board_masked_name($1) AS m', [
        name,
      ]);
      const expected = maskedName(name);
      // The calling service masks what it reads once more: case aside, the server's is the same.
      expect(r.rows[0]!.m === null ? '' : maskedName(r.rows[0]!.m)).toBe(expected);
      expect((r.rows[0]!.m ?? '').toLowerCase()).toBe(expected.toLowerCase());
    }
  });

  it("a display's role is refused visits and every identity column; the board's view holds no more than the board", async () => {
    const display = await connect('d01');
    try {
      await expect(display.query('SELECT * FROM visits')).rejects.toMatchObject({
        code: '42501',
      });
      for (const column of ['patient_name', ...IDENTITY_COLUMNS]) {
        await expect(display.query(`SELECT ${column} FROM visits`)).rejects.toMatchObject({
          code: '42501',
        });
      }
      for (const table of ['lookup_cache', 'identity_cache', 'patient_keys', 'recheck_queue']) {
        await expect(display.query(`SELECT * FROM ${table}`)).rejects.toMatchObject({
          code: '42501',
        });
      }
      await expect(
        display.query("UPDATE visits SET progress = 'called' WHERE id = $1", [ids[0]]),
      ).rejects.toMatchObject({ code: '42501' });
      const board = await display.query('SELECT * FROM board_visits ORDER BY queue_number');
      expect(board.fields.map((f) => f.name).sort()).toEqual(
        [
          'call_count',
          'day',
          'department',
          'id',
          'lane',
          'masked_name',
          'progress',
          'progress_at',
          'progress_room',
          'queue_number',
          'status',
        ].sort(),
      );
      const text = JSON.stringify(board.rows);
      for (const p of PEOPLE) {
        expect(text).not.toContain(p.idNumber);
        expect(text).not.toContain(p.card);
      }
      expect(text).not.toContain('Văn An');
      expect(text).not.toContain('1970-01-01');
    } finally {
      await display.end();
    }
  });

  it("a room's role is refused the identity columns and may change only a visit's progress", async () => {
    const room = await connect('r101');
    try {
      await expect(room.query('SELECT * FROM visits')).rejects.toMatchObject({ code: '42501' });
      for (const column of IDENTITY_COLUMNS) {
        await expect(room.query(`SELECT ${column} FROM visits`)).rejects.toMatchObject({
          code: '42501',
        });
      }
      await expect(
        room.query("UPDATE visits SET patient_name = 'x' WHERE id = $1", [ids[0]]),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(room.query('SELECT * FROM lookup_cache')).rejects.toMatchObject({
        code: '42501',
      });
      // What its screen shows: the number and the name the doctor calls.
      const shown = await room.query<{ queue_number: string; patient_name: string }>(
        'SELECT queue_number, patient_name FROM visits WHERE id = $1',
        [ids[0]],
      );
      expect(shown.rows).toEqual([{ queue_number: 'KHAM-T-001', patient_name: 'Nguyễn Văn An' }]);
    } finally {
      await room.end();
    }
  });

  it("a room's store calls the next patient, marks progress and lists the room's visits, without their identity", async () => {
    const room = await openPostgresStore({ url: roleUrl('r101'), tls: { caFile }, access: 'room' });
    try {
      const request = {
        date: TEST_DAY,
        room: '101',
        departments: ['KHAM'],
        stationId: 'R101',
        at: `${TEST_DAY}T02:00:00.000Z`,
        policy: DEFAULT_QUEUE_POLICY,
      };
      // The queue policy's turn: the elderly lane first, then the normal lane in order.
      const first = await room.callNext(request);
      expect(first).toMatchObject({
        id: ids[3],
        queueNumber: 'KHAM-C-001',
        patient: { fullName: 'Đặng đức Ánh Dương', idNumber: '', dateOfBirth: null },
        progress: { state: 'called', room: '101', calls: 1 },
      });
      expect(first!.patient.cardNumber).toBeUndefined();
      expect(first!.insurance.result).toBeNull();
      const inRoom = await room.roomAction({
        visitId: ids[3]!,
        action: 'patient-in',
        room: '101',
        stationId: 'R101',
        at: `${TEST_DAY}T02:01:00.000Z`,
      });
      expect(inRoom.visit.progress).toMatchObject({ state: 'in-room', room: '101' });
      await room.roomAction({
        visitId: ids[3]!,
        action: 'done',
        room: '101',
        stationId: 'R101',
        at: `${TEST_DAY}T02:02:00.000Z`,
      });
      const second = await room.callNext({ ...request, at: `${TEST_DAY}T02:03:00.000Z` });
      expect(second).toMatchObject({ id: ids[0], patient: { fullName: 'Nguyễn Văn An' } });
      await room.roomAction({
        visitId: ids[0]!,
        action: 'skip',
        room: '101',
        stationId: 'R101',
        at: `${TEST_DAY}T02:04:00.000Z`,
      });
      // The caller's list (its skipped patients to recall) and the board it shows.
      const listed = await room.listVisits({ date: TEST_DAY, department: 'KHAM' });
      expect(listed.map((v) => v.id)).toEqual(ids);
      expect(listed.find((v) => v.id === ids[0])?.progress).toMatchObject({ state: 'skipped' });
      expect(listed.every((v) => v.patient.idNumber === '' && v.patient.dateOfBirth === null)).toBe(
        true,
      );
      expect(JSON.stringify(listed)).not.toContain('001090000');
      const board = await calling(room, false).board(['101']);
      expect(board.rooms).toEqual([expect.objectContaining({ code: '101', waiting: 2 })]);
      expect(board.latest).toMatchObject({ queueNumber: 'KHAM-T-001', room: '101' });
      expect((await room.getVisit(ids[1]!))?.queueNumber).toBe('KHAM-T-002');
      // What the room recorded, as the owner sees it.
      const events = await owner.query<{ action: string; station_id: string }>(
        'SELECT action, station_id FROM visit_progress_events ORDER BY id',
      );
      expect(events.rows.map((e) => e.action)).toEqual([
        'call-next',
        'patient-in',
        'done',
        'call-next',
        'skip',
      ]);
      // A desk's work is not a room's.
      await expect(room.visitsOfPerson(TEST_DAY, PEOPLE[1]!.idNumber)).rejects.toMatchObject({
        code: 'STORE_NOT_PERMITTED',
      });
    } finally {
      await room.close();
    }
  });

  it("a display's board: recent calls, waiting counts and the spoken call's number, the name as the server masked it", async () => {
    // A room calls the next patient: the one with the odd spacing and case.
    const room = await openPostgresStore({ url: roleUrl('r101'), tls: { caFile }, access: 'room' });
    try {
      const called = await calling(room, false).callNext('101');
      expect(called?.id).toBe(ids[1]);
    } finally {
      await room.close();
    }
    const display = await openPostgresStore({
      url: roleUrl('d01'),
      tls: { caFile },
      access: 'display',
    });
    try {
      const calls = await display.recentCalls({ date: TEST_DAY, rooms: ['101'], limit: 10 });
      expect(calls.map((c) => c.visit.id)).toEqual([ids[1], ids[0], ids[3]]);
      for (const c of calls) {
        const person = PEOPLE[ids.indexOf(c.visit.id)]!;
        expect(c.visit.patient).toEqual({
          idNumber: '',
          fullName: expect.any(String),
          dateOfBirth: null,
          sex: null,
        });
        expect(c.visit.patient.fullName).not.toBe(person.fullName.trim());
        expect(maskedName(c.visit.patient.fullName)).toBe(maskedName(person.fullName));
      }
      expect(JSON.stringify(calls)).not.toMatch(/001090000|DN479|1970-01-01|Văn An/);
      expect(await display.waitingCounts(TEST_DAY, ['KHAM', 'NHI'])).toEqual({
        KHAM: 1,
        NHI: 0,
      });
      expect((await display.getVisit(ids[1]!))?.queueNumber).toBe('KHAM-T-002');

      const board = await calling(display, true).board(['101']);
      expect(board.latest).toMatchObject({
        queueNumber: 'KHAM-T-002',
        maskedName: 'trần T. B.',
        calls: 1,
      });
      expect(board.recent.map((c) => c.maskedName)).toEqual(['Nguyễn V. A.', 'Đặng Đ. Á. D.']);
      expect(board.rooms).toEqual([
        expect.objectContaining({ code: '101', waiting: 1, calling: expect.anything() }),
      ]);
      // Numbers only unless the board shows masked names, as before.
      expect((await calling(display, false).board(['101'])).latest?.maskedName).toBeNull();

      // A display calls nobody and lists nobody.
      await expect(
        display.callNext({
          date: TEST_DAY,
          room: '101',
          departments: ['KHAM'],
          stationId: 'D01',
          at: `${TEST_DAY}T02:10:00.000Z`,
          policy: DEFAULT_QUEUE_POLICY,
        }),
      ).rejects.toMatchObject({ code: 'STORE_NOT_PERMITTED' });
      await expect(display.visitsOfPerson(TEST_DAY, PEOPLE[0]!.idNumber)).rejects.toMatchObject({
        code: 'STORE_NOT_PERMITTED',
      });
    } finally {
      await display.close();
    }
  });

  it("a desk's role reads a visit's progress changes (the HIS hand-off runs on desks) and records a cancellation's time", async () => {
    const deskRole = await openPostgresStore({ url: roleUrl('q1'), tls: { caFile } });
    try {
      // Visit 3 went through room 101 above: called, in the room, done.
      expect((await deskRole.progressChanges(ids[3]!)).map((c) => c.state)).toEqual([
        'called',
        'in-room',
        'done',
      ]);
      const at = `${TEST_DAY}T02:30:00.000Z`;
      await deskRole.cancelVisit(ids[2]!, 'test', at);
      expect(await deskRole.progressChanges(ids[2]!)).toEqual([{ state: 'cancelled', at }]);
    } finally {
      await deskRole.close();
    }
  });

  it('a room and a display station, opened as configured, read through their roles and hear changes', async () => {
    const opened: KioskStore[] = [];
    const heard: Record<string, (string | null)[]> = { room: [], display: [] };
    const feeds = (['room', 'display'] as const).map((mode) =>
      listenForVisitChanges({
        url: roleUrl(mode === 'room' ? 'r101' : 'd01'),
        tls: { caFile },
        onChange: (day) => heard[mode]!.push(day),
        logger: nullLogger,
      }),
    );
    try {
      for (const [mode, role] of [
        ['room', 'r101'],
        ['display', 'd01'],
      ] as [StationMode, keyof typeof PASSWORDS][]) {
        const config = parseConfig(
          {
            station: { id: role.toUpperCase(), mode },
            store: { engine: 'postgres', postgres: { url: roleUrl(role), caFile } },
          },
          'config.json',
        );
        const dataDir = tempDir(`kiosk-${mode}-station-`);
        // doctor and `store status` read the server as this role too.
        expect(await storeHealth(config, dataDir)).toMatchObject({
          reachable: true,
          error: null,
          role: { name: role, kinds: [mode], owner: false },
          tls: { verified: true, inUse: true },
        });
        const store = await openStore({ dataDir, config, logger: nullLogger });
        opened.push(store);
        const calls = await store.recentCalls({ date: TEST_DAY, rooms: ['101'], limit: 1 });
        const name = calls[0]!.visit.patient.fullName;
        // The room's doctor sees the name; the display only its masked form.
        expect(mode === 'room' ? name : maskedName(name)).toBe(
          mode === 'room' ? PEOPLE[1]!.fullName : 'trần T. B.',
        );
        expect(calls[0]!.visit.patient.idNumber).toBe('');
      }
      await Promise.all(feeds.map((f) => f.ready));
      await desk.checkIn(pendingCheckIn('001090000019', { date: '2026-11-24' }));
      await until(
        () => heard.room!.includes('2026-11-24') && heard.display!.includes('2026-11-24'),
        10_000,
      );
    } finally {
      for (const s of opened) await s.close();
      for (const f of feeds) await f.close();
    }
  });
});
