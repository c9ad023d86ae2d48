/**
 * The behaviour every KioskStore engine owes the check-in flow, as one suite run against each
 * engine (SQLite here in tests/unit/store, PostgreSQL on a throwaway server in
 * tests/integration/store): both are proven to behave the same. Where sharing one server makes a
 * difference on purpose (queue numbers without the station, one counter for all stations), the
 * engine says so with `sharedQueue` and the test expects that engine's rule.
 *
 * The hospital's failover store runs it too (tests/integration/store/hospital-contract.test.ts):
 * with its server up it must be the server, and with its server away (`offline`) it serves the
 * calls from the station's own file, where the contract differs on purpose in three places, each
 * said where it is tested: its numbers are offline numbers (`K01-KHAM-O-001`, one counter per
 * station, department and day); a visit not on the station's file may be on the server, so a
 * change to an unknown visit fails with STORE_UNREACHABLE rather than answering "none"; and what
 * only the server does (the schema version, the re-check queue) is left out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lane } from '../../../src/shared/domain';
import { processRunId, type PrintRun } from '../../../src/main/store/print-owner';
import {
  formatOfflineQueueNumber,
  formatQueueNumber,
  formatServerQueueNumber,
} from '../../../src/main/domain/queue-number';
import type { CheckInRequest, KioskStore } from '../../../src/main/store/store-contract';
import { DEFAULT_QUEUE_POLICY } from '../../../src/main/domain/queue-policy';
import { insuranceResult } from '../checkin/fakes';
import { goneRun, runningProcess } from './process-runs';

export interface EngineUnderTest {
  /** A fresh, empty store with the latest schema. */
  open(): Promise<KioskStore>;
  latestSchemaVersion: number;
  /** true: one queue per department and lane for all stations (numbers without the station). */
  sharedQueue: boolean;
  /** Stores on one fresh database, each printing as the given station and run. */
  openShared?(runs: PrintRun[]): Promise<KioskStore[]>;
  /** Engine-specific checks that purged text is gone (SQLite: the file's bytes). */
  afterPurge?(store: KioskStore, purgedText: string[]): void | Promise<void>;
  /**
   * The failover store with its server unreachable: calls served by the station's own file
   * (src/main/store/hospital/hospital-store.ts).
   */
  offline?: boolean;
}

const DAY = '2026-11-23';

export function request(over: Partial<CheckInRequest> & { id?: string } = {}): CheckInRequest {
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

export function storeContract(engine: EngineUnderTest): void {
  const opened: KioskStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  const open = async (): Promise<KioskStore> => {
    const s = await engine.open();
    opened.push(s);
    return s;
  };
  const offline = engine.offline === true;
  /**
   * The number the engine gives: per station on SQLite, the hospital's on the server, the
   * station's offline number (no lane) on the failover store with its server away.
   */
  const numberOf = (station: string, department: string, lane: Lane, seq: number): string =>
    offline
      ? formatOfflineQueueNumber(station, department, seq)
      : engine.sharedQueue
        ? formatServerQueueNumber(department, lane, seq)
        : formatQueueNumber(station, department, lane, seq);
  /**
   * A change to a visit the store does not have answers null; the failover store with its server
   * away cannot know whether the server has it, and fails as the server did.
   */
  const unknownVisit = async (change: Promise<unknown>): Promise<void> => {
    if (offline) {
      await expect(change).rejects.toThrow(expect.objectContaining({ code: 'STORE_UNREACHABLE' }));
    } else {
      expect(await change).toBeNull();
    }
  };
  /**
   * Left out with the server away: the schema version is the server's (the station's file has
   * its own numbering), and the re-check queue is the server's alone: the re-checks of offline
   * visits wait on the station's file and go up with them (tests/unit/store/hospital).
   */
  const serverOnly = it.skipIf(offline);

  describe('store contract', () => {
    serverOnly('opens at the latest schema', async () => {
      const s = await open();
      expect(await s.schemaVersion()).toBe(engine.latestSchemaVersion);
    });

    it('numbers per day, department and lane; the visit records its station', async () => {
      const s = await open();
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
      expect((await n({}, 1)).queueNumber).toBe(numberOf('K01', 'KHAM', 'normal', 1));
      expect((await n({}, 2)).queueNumber).toBe(numberOf('K01', 'KHAM', 'normal', 2));
      // Offline numbers have no lane: one counter for the station's department.
      expect((await n({ lane: 'elderly' }, 3)).queueNumber).toBe(
        numberOf('K01', 'KHAM', 'elderly', offline ? 3 : 1),
      );
      expect((await n({ department: 'NHI', lane: 'child' }, 4)).queueNumber).toBe(
        numberOf('K01', 'NHI', 'child', 1),
      );
      expect((await n({ date: '2026-11-24' }, 5)).queueNumber).toBe(
        numberOf('K01', 'KHAM', 'normal', 1),
      );
      // Another station: its own counter on a station's file, the same queue on the server.
      const v = await n({ stationId: 'K02' }, 6);
      const seq = engine.sharedQueue ? 3 : 1;
      expect(v.queueNumber).toBe(numberOf('K02', 'KHAM', 'normal', seq));
      expect(v.queueSeq).toBe(seq);
      expect(v.stationId).toBe('K02');
    });

    it('the same person, department and day returns the existing visit, from any station; cancelling frees it', async () => {
      const s = await open();
      const first = await s.checkIn(request());
      expect(first.created).toBe(true);
      const again = await s.checkIn(request({ lane: 'elderly' }));
      expect(again).toEqual({ visit: first.visit, created: false });
      const elsewhere = await s.checkIn(request({ stationId: 'K02' }));
      expect(elsewhere).toEqual({ visit: first.visit, created: false });
      expect((await s.visitsOfPerson(DAY, '001085012345')).map((v) => v.id)).toEqual([
        first.visit.id,
      ]);

      await s.cancelVisit(first.visit.id, 'nhầm khoa', `${DAY}T02:00:00.000Z`);
      const after = await s.checkIn(request());
      expect(after.created).toBe(true);
      // Numbers are never reused.
      expect(after.visit.queueNumber).toBe(numberOf('K01', 'KHAM', 'normal', 2));
      expect(await s.listVisits({ date: DAY })).toHaveLength(1);
      expect(await s.listVisits({ date: DAY, includeCancelled: true })).toHaveLength(2);
    });

    it('lists a day by department, in check-in order', async () => {
      const s = await open();
      const at = (m: number) => `${DAY}T01:0${m}:00.000Z`;
      await s.checkIn(request({ id: '3', createdAt: at(3), department: 'NHI' }));
      await s.checkIn(request({ id: '1', createdAt: at(1) }));
      await s.checkIn(request({ id: '2', createdAt: at(2), stationId: 'K02' }));
      await s.checkIn(request({ id: '4', createdAt: at(4), date: '2026-11-24' }));
      const ids = (vs: { patient: { idNumber: string } }[]) => vs.map((v) => v.patient.idNumber);
      expect(ids(await s.listVisits({ date: DAY }))).toEqual(['1', '2', '3']);
      expect(
        (await s.listVisits({ date: DAY, department: 'KHAM' })).map((v) => v.createdAt),
      ).toEqual([at(1), at(2)]);
    });

    it('stores insurance without the treatment history', async () => {
      const s = await open();
      const { visit } = await s.checkIn(request());
      expect(insuranceResult().history.length).toBeGreaterThan(0);
      expect(visit.insurance.result?.history).toEqual([]);
      await s.saveLookup('001085012345', insuranceResult(), `${DAY}T01:00:00.000Z`);
      expect((await s.getLookup('001085012345'))?.result.history).toEqual([]);
    });

    it('keeps how the chip was verified; typed data has none', async () => {
      const s = await open();
      const chipVerification = {
        passiveAuthentication: 'unverified' as const,
        chipAuthentication: 'failed' as const,
        chipAuthMethod: 'CA' as const,
        acceptedByStaff: true,
        acceptedBy: { name: 'Trần Thị Quầy', idNumber: '001190000002' },
        acceptedAt: '2026-11-23T03:00:00.000Z',
      };
      const { visit } = await s.checkIn(request({ chipVerification }));
      expect((await s.getVisit(visit.id))!.chipVerification).toEqual(chipVerification);
      const typed = await s.checkIn(
        request({ department: 'NOI', identitySource: 'typed', chipVerification: null }),
      );
      expect(typed.visit.chipVerification).toBeNull();
      expect(await s.getVisit('nope')).toBeNull();
    });

    it('a person known only by a BHYT card (a child) keeps one active visit per department and day', async () => {
      const s = await open();
      const child = (over: Partial<CheckInRequest> = {}) =>
        request({
          patient: {
            idNumber: '',
            fullName: 'Nguyễn Bé Thử',
            dateOfBirth: '2022-06-01',
            sex: 'F',
            cardNumber: 'TE1790123456780',
          },
          identitySource: 'qr',
          document: 'bhyt-qr',
          priority: { lane: 'child', reason: { vi: '4 tuổi', en: '4 years old' } },
          lane: 'child',
          guardianName: 'Trần Văn Mẫu',
          ...over,
        });
      const first = await s.checkIn(child());
      expect(first.created).toBe(true);
      expect(first.visit.patient).toMatchObject({ idNumber: '', cardNumber: 'TE1790123456780' });
      expect(first.visit.document).toBe('bhyt-qr');
      expect(first.visit.priority).toEqual({
        lane: 'child',
        reason: { vi: '4 tuổi', en: '4 years old' },
      });
      // The guardian is kept for every later print of the slip (a reprint reads the visit back).
      expect(first.visit.guardianName).toBe('Trần Văn Mẫu');
      expect((await s.getVisit(first.visit.id))!.guardianName).toBe('Trần Văn Mẫu');
      const again = await s.checkIn(child({ stationId: 'K02' }));
      expect(again).toMatchObject({ created: false, visit: { id: first.visit.id } });
      expect(again.visit.guardianName).toBe('Trần Văn Mẫu');
      // Another child's card is another person; two desk tickets without any number are two.
      const other = await s.checkIn(
        child({
          patient: { ...child().patient, cardNumber: 'TE1790123456781' },
          guardianName: null,
        }),
      );
      expect(other.created).toBe(true);
      expect(other.visit.guardianName).toBeUndefined();
      const unknown = () =>
        request({
          patient: { idNumber: '', fullName: '', dateOfBirth: null, sex: null },
          identitySource: 'typed',
          document: 'none',
        });
      const a = await s.checkIn(unknown());
      const b = await s.checkIn(unknown());
      expect(a.visit.id).not.toBe(b.visit.id);
      expect(a.visit.document).toBe('none');
    });

    it('a desk ticket is completed in place once: same id and number, the person on it', async () => {
      const s = await open();
      const ticket = (
        await s.checkIn(
          request({
            department: 'TD',
            patient: { idNumber: '', fullName: '', dateOfBirth: null, sex: null },
            identitySource: 'typed',
            document: 'none',
          }),
        )
      ).visit;
      const done = await s.completeTicket(
        ticket.id,
        request({ department: 'TD', identitySource: 'typed', document: 'vneid-desk' }),
      );
      expect(done).toMatchObject({
        id: ticket.id,
        queueNumber: ticket.queueNumber,
        document: 'vneid-desk',
        patient: { idNumber: '001085012345', fullName: 'Nguyễn Văn An' },
        insurance: { source: 'online' },
      });
      expect(await s.completeTicket(ticket.id, request({ department: 'TD' }))).toBeNull();
      await unknownVisit(s.completeTicket('nope', request()));
      // A visit made for a known person is not a ticket.
      const known = (await s.checkIn(request({ department: 'NOI' }))).visit;
      expect(await s.completeTicket(known.id, request({ id: '001085099999' }))).toBeNull();
    });

    it('a completed desk ticket is sent on to a department with its number, called in check-in order in its lane', async () => {
      const s = await open();
      const at = (m: number) => `${DAY}T01:0${m}:00.000Z`;
      const unknown = { idNumber: '', fullName: '', dateOfBirth: null, sex: null };
      const ticket = (
        await s.checkIn(
          request({
            department: 'TD',
            patient: unknown,
            identitySource: 'typed',
            document: 'none',
            createdAt: at(1),
          }),
        )
      ).visit;
      const move = { from: 'TD', department: 'NOI', lane: 'elderly' as const };
      // Nobody on it yet: the desk completes the identity first.
      expect(await s.sendTicketOn(ticket.id, move)).toBeNull();
      await s.completeTicket(ticket.id, request({ department: 'TD', document: 'vneid-desk' }));
      // Someone who checked in at the department later, in the same lane.
      const later = (
        await s.checkIn(
          request({ id: person(2), department: 'NOI', lane: 'elderly', createdAt: at(3) }),
        )
      ).visit;
      const sent = await s.sendTicketOn(ticket.id, move);
      expect(sent).toMatchObject({
        id: ticket.id,
        queueNumber: ticket.queueNumber,
        // A place in the new lane's counter; the number on the slip is what it keeps.
        queueSeq: 2,
        createdAt: at(1),
        department: 'NOI',
        lane: 'elderly',
        patient: { fullName: 'Nguyễn Văn An' },
      });
      expect((await s.getVisit(ticket.id))!.department).toBe('NOI');
      const next = (
        await s.checkIn(
          request({ id: person(3), department: 'NOI', lane: 'elderly', createdAt: at(4) }),
        )
      ).visit;
      expect(next.queueNumber).toBe(numberOf('K01', 'NOI', 'elderly', 3));
      // Only once, and only from where it is.
      expect(await s.sendTicketOn(ticket.id, move)).toBeNull();
      await unknownVisit(s.sendTicketOn('nope', move));
      expect(await s.waitingCounts(DAY, ['NOI', 'TD'])).toEqual({ NOI: 3, TD: 0 });
      const call = () =>
        s.callNext({
          date: DAY,
          room: 'P1',
          departments: ['NOI'],
          stationId: 'K01',
          at: `${DAY}T02:00:00.000Z`,
          policy: DEFAULT_QUEUE_POLICY,
        });
      // The patient arrived first: called first, by the number they hold.
      expect((await call())?.queueNumber).toBe(ticket.queueNumber);
      expect((await call())?.id).toBe(later.id);
    });

    it('remembers a returning patient under each key, the newest sighting winning', async () => {
      const s = await open();
      const known = {
        idNumber: null,
        cardNumber: 'TE1790123456780',
        socialInsuranceNumber: '0123456780',
        fullName: 'Nguyễn Bé Thử',
        dateOfBirth: '2022-06-01',
        sex: 'F' as const,
        source: 'gateway' as const,
      };
      await s.rememberPatient(
        ['bhyt:TE1790123456780', 'bhxh:0123456780'],
        known,
        `${DAY}T02:00:00.000Z`,
      );
      expect(await s.findPatient('bhxh:0123456780')).toEqual({
        patient: known,
        seenAt: `${DAY}T02:00:00.000Z`,
      });
      await s.rememberPatient(
        ['bhxh:0123456780'],
        { ...known, fullName: 'Cũ' },
        `${DAY}T01:00:00.000Z`,
      );
      expect((await s.findPatient('bhxh:0123456780'))!.patient.fullName).toBe('Nguyễn Bé Thử');
      expect(await s.findPatient('bhxh:9999999999')).toBeNull();
    });

    it('keeps the face check decision, score, liveness and model, and no more', async () => {
      const s = await open();
      const faceVerification = {
        decision: 'no-match' as const,
        score: 0.4375,
        threshold: 0.55,
        liveness: 'not-live' as const,
        model: 'human-faceres@3.3.6',
      };
      const { visit } = await s.checkIn(request({ faceVerification }));
      expect((await s.getVisit(visit.id))!.faceVerification).toEqual(faceVerification);
      const declined = {
        decision: 'declined' as const,
        score: null,
        threshold: null,
        liveness: 'not-checked' as const,
        model: null,
      };
      const other = await s.checkIn(request({ department: 'NOI', faceVerification: declined }));
      expect((await s.getVisit(other.visit.id))!.faceVerification).toEqual(declined);
      const typed = await s.checkIn(
        request({ department: 'NHI', identitySource: 'typed', faceVerification: null }),
      );
      expect((await s.getVisit(typed.visit.id))!.faceVerification).toBeNull();
    });

    it('caches identities, and the lookup cache keeps the newest answer', async () => {
      const s = await open();
      const identity = { idNumber: '7', fullName: 'Trần Thị Bảy', dateOfBirth: null } as never;
      await s.saveIdentity(identity, '2026-11-23T05:00:00.000Z');
      expect(await s.getIdentity('7')).toEqual({ identity, readAt: '2026-11-23T05:00:00.000Z' });
      expect(await s.getIdentity('8')).toBeNull();
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
      const s = await open();
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
      await unknownVisit(s.recordPrint('nope', 'printed', null, DAY));
    });

    it.skipIf(!engine.openShared)(
      "interrupted prints: only this station's, and only of runs that are gone",
      async () => {
        const running = runningProcess();
        const gone = await goneRun();
        try {
          const [cli, crashed, otherStation, starting] = await engine.openShared!([
            { station: 'K01', run: running.run },
            { station: 'K01', run: gone },
            { station: 'K02', run: gone },
            { station: 'K01', run: processRunId() },
          ]);
          opened.push(cli!, crashed!, otherStation!, starting!);
          const printing = async (s: KioskStore, n: number): Promise<string> => {
            const { visit } = await s.checkIn(
              request({ patient: { ...request().patient, idNumber: person(n) } }),
            );
            await s.recordPrint(visit.id, 'printing', null, `${DAY}T01:00:03.000Z`);
            return visit.id;
          };
          const byCli = await printing(cli!, 1);
          const byCrashed = await printing(crashed!, 2);
          const byOther = await printing(otherStation!, 3);
          const byMe = await printing(starting!, 4);
          const status = async (id: string) => (await starting!.getVisit(id))!.printStatus;

          const cut = { code: 'PRINT_INTERRUPTED', message: { vi: 'c', en: 'd' } };
          expect(await starting!.failInterruptedPrints(cut)).toBe(1);
          expect(await starting!.getVisit(byCrashed)).toMatchObject({
            printStatus: 'failed',
            printError: cut,
          });
          expect([await status(byCli), await status(byOther), await status(byMe)]).toEqual([
            'printing',
            'printing',
            'printing',
          ]);

          await running.stop();
          expect(await starting!.failInterruptedPrints(cut)).toBe(1);
          expect(await status(byCli)).toBe('failed');
          expect(await status(byOther)).toBe('printing');
          expect(await starting!.failInterruptedPrints(cut)).toBe(0);
        } finally {
          await running.stop();
        }
      },
    );

    serverOnly(
      're-check queue: written with the visit, leased, deferred, applied once',
      async () => {
        const s = await open();
        const query = {
          idNumber: '001085012345',
          fullName: 'Nguyễn Văn An',
          dateOfBirth: '1985-03-14',
        };
        const { visit } = await s.checkIn(
          request({
            insurance: {
              source: 'pending',
              result: null,
              cachedAt: null,
              stale: false,
              note: null,
            },
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
        expect(item).toMatchObject({ visitId: visit.id, query, attempts: 0, lastError: null });
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
        // ignoreSchedule takes leased items too.
        expect(
          await s.claimRechecks({
            now: t0,
            leaseUntil: '2026-11-23T01:06:00.000Z',
            limit: 10,
            ignoreSchedule: true,
          }),
        ).toHaveLength(1);

        const result = insuranceResult();
        const filled = {
          source: 'online' as const,
          result,
          cachedAt: null,
          stale: false,
          note: null,
        };
        const applied = await s.applyRecheck({
          recheckId: again!.id,
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
            recheckId: again!.id,
            at: t0,
            result,
            visitInsurance: null,
            discrepancy: null,
          }),
        ).toEqual({ visit: null, discrepancy: null });
      },
    );

    serverOnly('an item that can never succeed is dropped', async () => {
      const s = await open();
      await s.checkIn(request({ recheck: { idNumber: '1', fullName: 'x', dateOfBirth: '1990' } }));
      const [item] = await s.claimRechecks({
        now: DAY,
        leaseUntil: 'x',
        limit: 1,
        ignoreSchedule: true,
      });
      await s.dropRecheck(item!.id);
      expect(await s.pendingRechecks()).toBe(0);
    });

    serverOnly(
      'a disagreeing re-check flags the visit until its discrepancy is resolved',
      async () => {
        const s = await open();
        const { visit } = await s.checkIn(
          request({ recheck: { idNumber: '001085012345', fullName: 'x', dateOfBirth: '1985' } }),
        );
        const [item] = await s.claimRechecks({
          now: DAY,
          leaseUntil: 'x',
          limit: 1,
          ignoreSchedule: true,
        });
        const applied = await s.applyRecheck({
          recheckId: item!.id,
          at: `${DAY}T02:00:00.000Z`,
          result: insuranceResult('not-insured', false, '010'),
          visitInsurance: null,
          discrepancy: {
            usedAtCheckin: { code: '000', outcome: 'insured', source: 'cache' },
            recheck: { code: '010', outcome: 'not-insured', checkedAt: 'x' },
          },
        });
        expect(applied.visit).toMatchObject({ id: visit.id, flagged: true });
        expect(applied.discrepancy).toMatchObject({
          visitId: visit.id,
          queueNumber: visit.queueNumber,
          patientName: 'Nguyễn Văn An',
          resolved: false,
        });
        expect(await s.discrepancies()).toEqual([applied.discrepancy]);
        expect(await s.resolveDiscrepancy(applied.discrepancy!.id, `${DAY}T03:00:00.000Z`)).toBe(
          true,
        );
        expect(await s.resolveDiscrepancy('nope', `${DAY}T03:00:00.000Z`)).toBe(false);
        expect(await s.discrepancies()).toEqual([]);
        expect(await s.discrepancies({ includeResolved: true })).toMatchObject([
          { resolved: true },
        ]);
        expect((await s.getVisit(visit.id))!.flagged).toBe(false);
      },
    );

    it('cancelling a visit drops its re-check', async () => {
      const s = await open();
      const { visit } = await s.checkIn(
        request({ recheck: { idNumber: '1', fullName: 'x', dateOfBirth: '1990' } }),
      );
      expect(await s.cancelVisit(visit.id, 'r', DAY)).toMatchObject({
        status: 'cancelled',
        cancelledReason: 'r',
      });
      expect(await s.pendingRechecks()).toBe(0);
      await unknownVisit(s.cancelVisit('nope', 'r', DAY));
    });

    it('a closed store says so with a typed error', async () => {
      const s = await open();
      await s.close();
      await expect(s.listVisits({ date: DAY })).rejects.toThrow(
        expect.objectContaining({ code: 'STORE_CLOSED' }),
      );
      await expect(s.checkIn(request())).rejects.toThrow(
        expect.objectContaining({ code: 'STORE_CLOSED' }),
      );
    });

    it('purge anonymises old visits, deletes old cache and queued re-checks, keeps recent ones whole', async () => {
      const s = await open();
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
            guardianName: 'Phạm Thị Giám Hộ',
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
      // A discrepancy comes from the re-check queue, the server's alone: none offline.
      if (!offline) {
        const [item] = await s.claimRechecks({
          now: '2026-08-01T02:00:00.000Z',
          leaseUntil: '2026-08-01T02:01:00.000Z',
          limit: 5,
        });
        await s.applyRecheck({
          recheckId: item!.id,
          at: '2026-08-01T02:00:00.000Z',
          result: insuranceResult('not-insured', false, '010'),
          visitInsurance: null,
          discrepancy: {
            usedAtCheckin: { code: '000', outcome: 'insured', source: 'cache' },
            recheck: { code: '010', outcome: 'not-insured', checkedAt: 'x' },
          },
        });
      }
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
        discrepanciesDeleted: offline ? 0 : 1,
      });
      expect(report.lookupsDeleted).toBeGreaterThanOrEqual(1);

      const purged = (await s.getVisit(old.id))!;
      expect(purged.patient).toEqual({ idNumber: '', fullName: '', dateOfBirth: null, sex: null });
      expect(purged.cancelledReason).toBeNull();
      expect(purged.guardianName).toBeUndefined();
      expect(purged.queueNumber).toBe(old.queueNumber);
      expect(purged.insurance.result?.card).toBeNull();
      expect(purged.insurance.result?.outcome).toBe('insured');
      expect((await s.getVisit(flaggedOld.id))!.flagged).toBe(false);
      expect(await s.discrepancies({ includeResolved: true })).toEqual([]);
      expect((await s.getVisit(recent.id))!.patient.fullName).toBe('Nguyễn Văn An');
      expect(await s.getIdentity('9')).toBeNull();
      expect(await s.getIdentity('8')).not.toBeNull();
      await engine.afterPurge?.(s, ['Lê Thị Cũ Xóa', '1950-01-01', 'Phạm Thị Giám Hộ']);

      // A purged day's numbers are not handed out again.
      expect((await s.checkIn(request({ date: '2026-08-01' }))).visit.queueNumber).toBe(
        numberOf('K01', 'KHAM', 'normal', 3),
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
}
