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
