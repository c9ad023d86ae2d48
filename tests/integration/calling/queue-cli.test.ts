/** `queue call` and `queue board` under the real CLI, on a store file seeded beforehand. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHarness } from '../support/run-cli';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { hospitalDay } from '../../../src/shared/hospital-day';
import type { QueueBoard, Visit } from '../../../src/shared/domain';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn } from '../../unit/store/requests';

const CLI = path.resolve('src/cli/main.ts');
// Asynchronously: a worker blocked in spawnSync cannot answer vitest's RPC, which fails a green
// run on a loaded machine ("Timeout calling onTaskUpdate").
const cli = (args: string[], dataDir: string) => runCliHarness(CLI, dataDir, args);

describe('queue call / queue board', () => {
  it('calls the next waiting patient, prints it, and the board shows it', async () => {
    const dir = tempDir('kiosk-queue-cli-');
    const store = openSqliteStore({ file: path.join(dir, 'kiosk.sqlite') });
    const { visit: waiting } = await store.checkIn(
      pendingCheckIn('079300000001', {
        date: hospitalDay(new Date(), 'Asia/Ho_Chi_Minh'),
        createdAt: new Date().toISOString(),
        recheck: null,
      }),
    );
    await store.close();

    const call = await cli(['queue', 'call', '--room', '101', '--json'], dir);
    expect(call.code, call.stderr).toBe(0);
    const called = JSON.parse(call.stdout) as Visit;
    expect(called.id).toBe(waiting.id);
    expect(called.progress).toMatchObject({ state: 'called', room: '101', calls: 1 });

    const board = await cli(['queue', 'board', '--room', '101', '--json'], dir);
    expect(board.code, board.stderr).toBe(0);
    const b = JSON.parse(board.stdout) as QueueBoard;
    expect(b.latest?.queueNumber).toBe(waiting.queueNumber);
    expect(b.rooms).toEqual([expect.objectContaining({ code: '101', waiting: 0 })]);

    const empty = await cli(['queue', 'call', '--room', '101', '--json'], dir);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toBeNull();
  });
});

describe('queue act', () => {
  it(
    "a room's actions from the command line, with the README's exit codes",
    { timeout: 180_000 },
    async () => {
      const dir = tempDir('kiosk-queue-act-');
      const store = openSqliteStore({ file: path.join(dir, 'kiosk.sqlite') });
      const { visit } = await store.checkIn(
        pendingCheckIn('079300000002', {
          date: hospitalDay(new Date(), 'Asia/Ho_Chi_Minh'),
          createdAt: new Date().toISOString(),
          recheck: null,
        }),
      );
      await store.close();
      expect((await cli(['queue', 'call', '--room', '101'], dir)).code).toBe(0);

      // By the number on the slip, as the room sees it.
      const again = await cli(
        ['queue', 'act', 'call-again', '--room', '101', '--number', visit.queueNumber, '--json'],
        dir,
      );
      expect(again.code, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as Visit).progress).toMatchObject({
        state: 'called',
        calls: 2,
      });
      for (const [action, state] of [
        ['patient-in', 'in-room'],
        ['done', 'done'],
      ] as const) {
        const r = await cli(
          ['queue', 'act', action, '--room', '101', '--visit', visit.id, '--json'],
          dir,
        );
        expect(r.code, r.stderr).toBe(0);
        expect((JSON.parse(r.stdout) as Visit).progress?.state).toBe(state);
      }

      // Not allowed now (done cannot be recalled): 1. An unknown action or room: usage, 2.
      const late = await cli(['queue', 'act', 'recall', '--room', '101', '--visit', visit.id], dir);
      expect(late.code).toBe(1);
      expect(late.stderr).toContain('QUEUE_TRANSITION_INVALID');
      const typo = await cli(['queue', 'act', 'fly', '--room', '101', '--visit', visit.id], dir);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('USAGE_INVALID');
      const room = await cli(['queue', 'act', 'skip', '--room', '999', '--visit', visit.id], dir);
      expect(room.code).toBe(2);
      expect(room.stderr).toContain('QUEUE_UNKNOWN_ROOM');
    },
  );
});
