/**
 * A room's caller process for the concurrency test:
 *   node --import tsx caller-child.ts <db file> <room> <calls> <go file>
 * Opens the store, prints `ready`, waits for <go file>, then calls next <calls> times through the
 * calling service and prints `called <visit id>` after each committed call.
 */
import fs from 'node:fs';
import { createCallingService } from '../../../src/main/calling/calling-service';
import { parseConfig } from '../../../src/main/config/load-config';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { TWO_ROOMS } from './two-rooms';

const [file, room, calls, goFile] = process.argv.slice(2) as [string, string, string, string];
const say = (line: string): void => {
  fs.writeSync(1, `${line}\n`);
};

const store = openSqliteStore({ file, busyTimeoutMs: 20_000 });
const calling = createCallingService({
  config: parseConfig(TWO_ROOMS, 'test'),
  dataDir: '/nonexistent',
  store,
  now: () => new Date(process.env.CALL_AT!),
});
say('ready');
while (!fs.existsSync(goFile)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
for (let i = 0; i < Number(calls); i++) {
  const visit = await calling.callNext(room);
  say(visit ? `called ${visit.id}` : 'empty');
}
await store.close();
