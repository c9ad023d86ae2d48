/**
 * The calling service over a real SQLite file: the board as a display sees it, masked names,
 * the spoken call of a visit, typed refusals, and a call made through another connection (as
 * by another process or station) noticed by the board watch within a second.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchBoard } from '../../../src/main/calling/board-watch';
import { createCallingService } from '../../../src/main/calling/calling-service';
import { parseConfig } from '../../../src/main/config/load-config';
import { openSqliteStore, type SqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { hospitalDay } from '../../../src/shared/hospital-day';
import type { Lane } from '../../../src/shared/domain';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn } from '../../unit/store/requests';

let file: string;
let store: SqliteStore;
const now = new Date();

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

const service = (config: Record<string, unknown> = {}, s: SqliteStore = store) =>
  createCallingService({
    config: parseConfig({ version: 1, ...config }, 'test'),
    dataDir: path.dirname(file),
    store: s,
    now: () => now,
  });

beforeEach(() => {
  file = path.join(tempDir('kiosk-calling-svc-'), 'kiosk.sqlite');
  store = openSqliteStore({ file });
});
afterEach(async () => store.close());

describe('calling service', () => {
  it('the board: latest call large, recent calls, waiting per room; numbers only by default', async () => {
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
    expect((await calling.board(['101'])).rooms[0]!.calling?.queueNumber).toBe(first!.queueNumber);
  });

  it('masked names only when configured', async () => {
    await seed(['normal']);
    const calling = service({ queue: { display: { maskedNames: true } } });
    await calling.callNext('101');
    expect((await calling.board()).latest?.maskedName).toBe('Nguyễn V. A.');
  });

  it('refuses an unknown room and a department the room does not call, with typed errors', async () => {
    const calling = service();
    await expect(calling.callNext('999')).rejects.toMatchObject({ code: 'QUEUE_UNKNOWN_ROOM' });
    await expect(calling.callNext('101', 'NHI')).rejects.toMatchObject({
      code: 'QUEUE_DEPARTMENT_NOT_IN_ROOM',
    });
    await expect(calling.audio('no-such-visit', '101')).rejects.toMatchObject({
      code: 'QUEUE_VISIT_NOT_FOUND',
    });
  });

  it('the spoken call of a called visit is a WAV', async () => {
    await seed(['normal']);
    const calling = service({ queue: { speech: { english: false } } });
    const visit = await calling.callNext('101');
    const wav = await calling.audio(visit!.id, '101');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(40) / wav.readUInt32LE(28)).toBeGreaterThan(1);
  });

  it('a call made through another connection reaches the board watch within a second', async () => {
    await seed(['normal']);
    const here = service();
    let changedAt = 0;
    const watch = watchBoard(here, () => (changedAt ||= Date.now()), { intervalMs: 500 });
    try {
      await new Promise((r) => setTimeout(r, 600));
      const other = openSqliteStore({ file });
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
  });
});

describe('board watch', () => {
  it('reports a store that stays away once, not on every tick', async () => {
    const errors: unknown[] = [];
    const broken = {
      board: () => Promise.reject(new Error('database gone')),
    } as unknown as ReturnType<typeof service>;
    const watch = watchBoard(broken, () => undefined, {
      intervalMs: 20,
      onError: (e) => errors.push(e),
    });
    await new Promise((r) => setTimeout(r, 150));
    watch.stop();
    expect(errors).toHaveLength(1);
  });
});
