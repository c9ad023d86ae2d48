import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lane } from '../../../src/shared/domain';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { CheckInRequest } from '../../../src/main/store/store-contract';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/store/migrations';
import { formatQueueNumber } from '../../../src/main/store/queue-number';
import { insuranceResult, tempDir } from '../checkin/fakes';

const DAY = '2026-11-23';
let store: SqliteStore;
afterEach(() => store?.close());

function open(): SqliteStore {
  store = openSqliteStore({ file: path.join(tempDir('kiosk-store-'), 'kiosk.sqlite') });
  return store;
}

function request(over: Partial<CheckInRequest> & { id?: string } = {}): CheckInRequest {
  const id = over.id ?? '001085012345';
  return {
    date: DAY,
    stationId: 'K01',
    department: 'KHAM',
    lane: 'normal',
    patient: { idNumber: id, fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-14', sex: 'M' },
    identitySource: 'chip',
    insurance: {
      source: 'online',
      result: insuranceResult(),
      cachedAt: null,
      stale: false,
      note: null,
    },
    createdAt: `${DAY}T01:00:00.000Z`,
    recheck: null,
    ...over,
  };
}

const person = (n: number): string => String(100000000000 + n);

describe('SQLite store', () => {
  it('opens in WAL with foreign keys, full sync and the latest schema', async () => {
    const s = open();
    expect(s.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.database.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(await s.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
  });

  it('numbers per day, department and lane, with the station prefix', async () => {
    const s = open();
    const n = async (over: Partial<CheckInRequest>, i: number) =>
      (
        await s.checkIn(
          request({
            ...over,
            id: person(i),
            patient: { ...request().patient, idNumber: person(i) },
          }),
        )
      ).visit;
    expect((await n({}, 1)).queueNumber).toBe('K01-KHAM-T-001');
    expect((await n({}, 2)).queueNumber).toBe('K01-KHAM-T-002');
    expect((await n({ lane: 'elderly' }, 3)).queueNumber).toBe('K01-KHAM-C-001');
    expect((await n({ department: 'NHI', lane: 'child' }, 4)).queueNumber).toBe('K01-NHI-E-001');
    expect((await n({ date: '2026-11-24' }, 5)).queueNumber).toBe('K01-KHAM-T-001');
    const v = await n({ stationId: 'K02' }, 6);
    expect(v.queueNumber).toBe('K02-KHAM-T-001');
    expect(v.queueSeq).toBe(1);
  });

  it('lane letters are distinct and the number grows past 999', async () => {
    const lanes: Lane[] = ['normal', 'elderly', 'child', 'disability', 'pregnant', 'emergency'];
    const letters = lanes.map((l) => formatQueueNumber('K01', 'KHAM', l, 1).split('-')[2]);
    expect(new Set(letters).size).toBe(lanes.length);
    expect(formatQueueNumber('K01', 'KHAM', 'normal', 1234)).toBe('K01-KHAM-T-1234');
  });

  it('the same person, department and day returns the existing visit; cancelling frees it', async () => {
    const s = open();
    const first = await s.checkIn(request());
    expect(first.created).toBe(true);
    const again = await s.checkIn(request({ lane: 'elderly' }));
    expect(again).toEqual({ visit: first.visit, created: false });
    expect((await s.visitsOfPerson(DAY, '001085012345')).map((v) => v.id)).toEqual([
      first.visit.id,
    ]);

    await s.cancelVisit(first.visit.id, 'nhầm khoa', `${DAY}T02:00:00.000Z`);
    const after = await s.checkIn(request());
    expect(after.created).toBe(true);
    expect(after.visit.queueNumber).toBe('K01-KHAM-T-002'); // numbers are never reused
    expect(await s.listVisits({ date: DAY })).toHaveLength(1);
    expect(await s.listVisits({ date: DAY, includeCancelled: true })).toHaveLength(2);
  });

  it('stores insurance without the treatment history', async () => {
    const s = open();
    const { visit } = await s.checkIn(request());
    expect(insuranceResult().history.length).toBeGreaterThan(0);
    expect(visit.insurance.result?.history).toEqual([]);
    await s.saveLookup('001085012345', insuranceResult(), `${DAY}T01:00:00.000Z`);
    expect((await s.getLookup('001085012345'))?.result.history).toEqual([]);
  });

  it('keeps how the chip was verified; typed data has none', async () => {
    const s = open();
    const chipVerification = {
      passiveAuthentication: 'unverified' as const,
      chipAuthentication: 'failed' as const,
      chipAuthMethod: 'CA' as const,
      acceptedByStaff: true,
    };
    const { visit } = await s.checkIn(request({ chipVerification }));
    expect((await s.getVisit(visit.id))!.chipVerification).toEqual(chipVerification);
    const typed = await s.checkIn(
      request({ department: 'NOI', identitySource: 'typed', chipVerification: null }),
    );
    expect(typed.visit.chipVerification).toBeNull();
  });

  it('the lookup cache keeps the newest answer', async () => {
    const s = open();
    await s.saveLookup('1', insuranceResult('insured', true, '000'), '2026-11-23T05:00:00.000Z');
    await s.saveLookup(
      '1',
      insuranceResult('not-insured', false, '010'),
      '2026-11-22T05:00:00.000Z',
    );
    expect(await s.getLookup('1')).toMatchObject({
      fetchedAt: '2026-11-23T05:00:00.000Z',
      result: { code: '000' },
    });
    expect(await s.getLookup('2')).toBeNull();
  });

  it('records print states', async () => {
    const s = open();
    const { visit } = await s.checkIn(request());
    expect(visit.printStatus).toBe('not-printed');
    const error = { code: 'PRINT_OFFLINE', message: { vi: 'a', en: 'b' } };
    expect(await s.recordPrint(visit.id, 'failed', error, `${DAY}T01:00:01.000Z`)).toMatchObject({
      printStatus: 'failed',
      printError: error,
    });
    expect(await s.recordPrint(visit.id, 'printed', null, `${DAY}T01:00:02.000Z`)).toMatchObject({
      printStatus: 'printed',
      printError: null,
    });
    expect(await s.recordPrint('nope', 'printed', null, DAY)).toBeNull();
  });

  it('outbox: written with the visit, leased, deferred, applied once', async () => {
    const s = open();
    const query = {
      idNumber: '001085012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1985-03-14',
    };
    const { visit } = await s.checkIn(
      request({
        insurance: { source: 'pending', result: null, cachedAt: null, stale: false, note: null },
        recheck: query,
      }),
    );
    expect(await s.pendingRechecks()).toBe(1);

    const t0 = '2026-11-23T01:00:00.000Z';
    const [item] = await s.claimRechecks({
      now: t0,
      leaseUntil: '2026-11-23T01:01:00.000Z',
      limit: 10,
    });
    expect(item).toMatchObject({ visitId: visit.id, query, attempts: 0 });
    // Leased: not due again until the lease ends.
    expect(
      await s.claimRechecks({ now: '2026-11-23T01:00:30.000Z', leaseUntil: 'x', limit: 10 }),
    ).toEqual([]);
    await s.deferRecheck(item!.id, '2026-11-23T01:05:00.000Z', 'INSURANCE_UNAVAILABLE');
    expect(
      await s.claimRechecks({ now: '2026-11-23T01:04:00.000Z', leaseUntil: 'x', limit: 10 }),
    ).toEqual([]);
    const [again] = await s.claimRechecks({
      now: '2026-11-23T01:05:00.000Z',
      leaseUntil: '2026-11-23T01:06:00.000Z',
      limit: 10,
    });
    expect(again).toMatchObject({ attempts: 1, lastError: 'INSURANCE_UNAVAILABLE' });

    const result = insuranceResult();
    const filled = { source: 'online' as const, result, cachedAt: null, stale: false, note: null };
    const applied = await s.applyRecheck({
      outboxId: again!.id,
      at: t0,
      result,
      visitInsurance: filled,
      discrepancy: null,
    });
    expect(applied.visit?.insurance.source).toBe('online');
    expect(applied.discrepancy).toBeNull();
    expect(await s.pendingRechecks()).toBe(0);
    expect((await s.getLookup('001085012345'))?.fetchedAt).toBe(t0);
    // A second worker finishing the same item changes nothing.
    expect(
      await s.applyRecheck({
        outboxId: again!.id,
        at: t0,
        result,
        visitInsurance: null,
        discrepancy: null,
      }),
    ).toEqual({ visit: null, discrepancy: null });
  });

  it('cancelling a visit drops its re-check', async () => {
    const s = open();
    const { visit } = await s.checkIn(
      request({ recheck: { idNumber: '1', fullName: 'x', dateOfBirth: '1990' } }),
    );
    await s.cancelVisit(visit.id, 'r', DAY);
    expect(await s.pendingRechecks()).toBe(0);
  });

  it('a closed store says so with a typed error', async () => {
    const s = open();
    await s.close();
    await expect(s.listVisits({ date: DAY })).rejects.toThrow(
      expect.objectContaining({ code: 'STORE_CLOSED' }),
    );
  });
});

describe('purge', () => {
  it('anonymises old visits, deletes old cache and outbox entries, keeps recent ones whole', async () => {
    const s = open();
    const oldPatient = {
      idNumber: '001085012345',
      fullName: 'Lê Thị Cũ Xóa',
      dateOfBirth: '1950-01-01',
      sex: 'F' as const,
    };
    const old = (
      await s.checkIn(
        request({
          patient: oldPatient,
          date: '2026-08-01',
          createdAt: '2026-08-01T01:00:00.000Z',
          recheck: { idNumber: '001085012345', fullName: 'x', dateOfBirth: '1985' },
        }),
      )
    ).visit;
    await s.cancelVisit(old.id, 'Lê Thị Cũ Xóa về nhà', '2026-08-01T02:00:00.000Z');
    const flaggedOld = (
      await s.checkIn(
        request({
          id: '2',
          patient: { ...request().patient, idNumber: '2' },
          date: '2026-08-01',
          createdAt: '2026-08-01T01:00:00.000Z',
          recheck: { idNumber: '2', fullName: 'x', dateOfBirth: '1985' },
        }),
      )
    ).visit;
    const [item] = await s.claimRechecks({
      now: '2026-08-01T02:00:00.000Z',
      leaseUntil: '2026-08-01T02:01:00.000Z',
      limit: 5,
    });
    await s.applyRecheck({
      outboxId: item!.id,
      at: '2026-08-01T02:00:00.000Z',
      result: insuranceResult('not-insured', false, '010'),
      visitInsurance: null,
      discrepancy: {
        usedAtCheckin: { code: '000', outcome: 'insured', source: 'cache' },
        recheck: { code: '010', outcome: 'not-insured', checkedAt: 'x' },
      },
    });
    const recent = (
      await s.checkIn(request({ date: '2026-11-20', createdAt: '2026-11-20T01:00:00.000Z' }))
    ).visit;
    await s.saveIdentity(
      { idNumber: '9', fullName: 'Old', dateOfBirth: null } as never,
      '2026-08-01T00:00:00.000Z',
    );
    await s.saveIdentity(
      { idNumber: '8', fullName: 'New', dateOfBirth: null } as never,
      '2026-11-20T00:00:00.000Z',
    );
    await s.saveLookup('9', insuranceResult(), '2026-08-01T00:00:00.000Z');

    const report = await s.purge({
      visitsBefore: '2026-08-25',
      cacheBefore: '2026-08-25T00:00:00.000Z',
      at: '2026-11-23T00:00:00.000Z',
    });
    expect(report).toMatchObject({
      visitsAnonymised: 2,
      identitiesDeleted: 1,
      discrepanciesDeleted: 1,
    });
    expect(report.lookupsDeleted).toBeGreaterThanOrEqual(1);

    const purged = (await s.getVisit(old.id))!;
    expect(purged.patient).toEqual({ idNumber: '', fullName: '', dateOfBirth: null, sex: null });
    expect(purged.cancelledReason).toBeNull();
    expect(purged.queueNumber).toBe(old.queueNumber);
    expect(purged.insurance.result?.card).toBeNull();
    expect(purged.insurance.result?.outcome).toBe('insured');
    expect((await s.getVisit(flaggedOld.id))!.flagged).toBe(false);
    expect(await s.discrepancies({ includeResolved: true })).toEqual([]);
    expect((await s.getVisit(recent.id))!.patient.fullName).toBe('Nguyễn Văn An');
    expect(await s.getIdentity('9')).toBeNull();
    expect(await s.getIdentity('8')).not.toBeNull();

    // Nothing of the person is left in the file's bytes (secure_delete + checkpoint).
    const bytes = Buffer.concat(
      [s.location, `${s.location}-wal`]
        .filter((f) => fs.existsSync(f))
        .map((f) => fs.readFileSync(f)),
    );
    expect(bytes.includes(Buffer.from('Lê Thị Cũ Xóa'))).toBe(false);
    expect(bytes.includes(Buffer.from('1950-01-01'))).toBe(false);
    // A purged day's numbers are not handed out again.
    expect((await s.checkIn(request({ date: '2026-08-01' }))).visit.queueNumber).toBe(
      'K01-KHAM-T-003',
    );
    expect(
      (
        await s.purge({
          visitsBefore: '2026-08-25',
          cacheBefore: '2026-08-25T00:00:00.000Z',
          at: 'x',
        })
      ).visitsAnonymised,
    ).toBe(1);
  });
});
