/**
 * The calling service on each engine (a SQLite file, the hospital's PostgreSQL server): the board
 * as a display sees it, masked names, the spoken call of a visit, typed refusals, and a call made
 * through another connection (as by another process or station) noticed by the board watch
 * within a second.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { watchBoard } from '../../../src/main/calling/board-watch';
import {
  createCallingService,
  type CallingService,
} from '../../../src/main/calling/calling-service';
import { parseConfig } from '../../../src/main/config/load-config';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { hospitalDay } from '../../../src/shared/hospital-day';
import type { Lane } from '../../../src/shared/domain';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn } from '../../unit/store/requests';
import { ENGINES, useEngine } from '../support/calling-his-engines';

const now = new Date();

describe.each(ENGINES)('calling service on %s', (kind) => {
  const { skip, current } = useEngine(kind);
  let store: KioskStore;
  let dataDir: string;

  async function seed(lanes: Lane[], department = 'KHAM'): Promise<void> {
    for (const [i, lane] of lanes.entries()) {
      await store.checkIn(
        pendingCheckIn(`0792${department.length}${String(i).padStart(7, '0')}`, {
          date: hospitalDay(now, 'Asia/Ho_Chi_Minh'),
          department,
          lane,
          patient: {
            idNumber: `0792${department.length}${String(i).padStart(7, '0')}`,
            fullName: 'Nguyễn Văn An',
            dateOfBirth: '1970-01-01',
            sex: 'M',
          },
          createdAt: new Date(now.getTime() - (lanes.length - i) * 1000).toISOString(),
          recheck: null,
        }),
      );
    }
  }

  const service = (config: Record<string, unknown> = {}, s: KioskStore = store) =>
    createCallingService({
      config: parseConfig({ version: 1, ...config }, 'test'),
      dataDir,
      store: s,
      now: () => now,
    });

  beforeEach(() => {
    if (skip) return;
    store = current().store;
    dataDir = tempDir('kiosk-calling-svc-');
  });

  it.skipIf(skip)(
    'the board: latest call large, recent calls, waiting per room; numbers only by default',
    async () => {
      await seed(['normal', 'normal', 'normal']);
      await seed(['child'], 'NHI');
      const calling = service();
      const first = await calling.callNext('101');
      const second = await calling.callNext('101');
      const board = await calling.board(['101', '205']);
      expect(board.latest).toMatchObject({
        queueNumber: second!.queueNumber,
        room: '101',
        roomName: { vi: 'Phòng 101', en: 'Room 101' },
        maskedName: null,
      });
      expect(board.recent.map((c) => c.queueNumber)).toEqual([first!.queueNumber]);
      expect(board.rooms).toEqual([
        expect.objectContaining({ code: '101', waiting: 1, calling: expect.anything() }),
        expect.objectContaining({ code: '205', waiting: 1, calling: null }),
      ]);
      // A patient in the room is no longer "being called" by it.
      await calling.act(second!.id, 'patient-in', '101');
      expect((await calling.board(['101'])).rooms[0]!.calling?.queueNumber).toBe(
        first!.queueNumber,
      );
    },
  );

  it.skipIf(skip)('masked names only when configured', async () => {
    await seed(['normal']);
    const calling = service({ queue: { display: { maskedNames: true } } });
    await calling.callNext('101');
    expect((await calling.board()).latest?.maskedName).toBe('Nguyễn V. A.');
  });

  it.skipIf(skip)(
    'refuses an unknown room and a department the room does not call, with typed errors',
    async () => {
      const calling = service();
      await expect(calling.callNext('999')).rejects.toMatchObject({ code: 'QUEUE_UNKNOWN_ROOM' });
      await expect(calling.callNext('101', 'NHI')).rejects.toMatchObject({
        code: 'QUEUE_DEPARTMENT_NOT_IN_ROOM',
      });
      await expect(calling.audio('no-such-visit', '101')).rejects.toMatchObject({
        code: 'QUEUE_VISIT_NOT_FOUND',
      });
    },
  );

  it.skipIf(skip)('the spoken call of a called visit is a WAV', async () => {
    await seed(['normal']);
    const calling = service({ queue: { speech: { english: false } } });
    const visit = await calling.callNext('101');
    const wav = await calling.audio(visit!.id, '101');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(40) / wav.readUInt32LE(28)).toBeGreaterThan(1);
  });

  it.skipIf(skip)(
    'a call made through another connection reaches the board watch within a second',
    async () => {
      await seed(['normal']);
      const here = service();
      let changedAt = 0;
      const watch = watchBoard(here, () => (changedAt ||= Date.now()), { intervalMs: 500 });
      try {
        await new Promise((r) => setTimeout(r, 600));
        const other = await current().openAnother();
        const calledAt = Date.now();
        await service({}, other).callNext('101');
        await other.close();
        while (!changedAt && Date.now() - calledAt < 2000)
          await new Promise((r) => setTimeout(r, 20));
        expect(changedAt).toBeGreaterThan(0);
        expect(changedAt - calledAt).toBeLessThanOrEqual(1000);
      } finally {
        watch.stop();
      }
    },
  );
});

describe('board watch', () => {
  it('reports a store that stays away once, not on every tick', async () => {
    const errors: unknown[] = [];
    const broken = {
      board: () => Promise.reject(new Error('database gone')),
    } as unknown as CallingService;
    const watch = watchBoard(broken, () => undefined, {
      intervalMs: 20,
      onError: (e) => errors.push(e),
    });
    await new Promise((r) => setTimeout(r, 150));
    watch.stop();
    expect(errors).toHaveLength(1);
  });
});
