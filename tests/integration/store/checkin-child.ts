/**
 * A station process for the crash and concurrency tests:
 *   node --import tsx checkin-child.ts <store> loop <tag>            check in until killed
 *   node --import tsx checkin-child.ts <store> count <tag> <n> <go>  n check-ins once <go> exists
 * `<store>` is a SQLite file or a `postgres://` URL (the hospital's server).
 * Prints `ready` once the store is open, then `ok <queueNumber>` after each committed check-in.
 */
import fs from 'node:fs';
import type { Lane } from '../../../src/shared/domain';
import { openPostgresStore } from '../../../src/main/store/postgres/open-postgres-store';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { pendingCheckIn } from '../../unit/store/requests';

const [file, mode, tag, countArg, goFile] = process.argv.slice(2) as [
  string,
  string,
  string,
  string?,
  string?,
];
const say = (line: string): void => {
  fs.writeSync(1, `${line}\n`);
};

const store: KioskStore = /^postgres(ql)?:\/\//.test(file)
  ? await openPostgresStore({ url: file, max: 1, statementTimeoutMs: 60_000 })
  : openSqliteStore({ file, busyTimeoutMs: 20_000 });
say('ready');

const departments = mode === 'loop' ? ['KHAM', 'NHI'] : ['KHAM'];
const lanes: Lane[] = mode === 'loop' ? ['normal', 'elderly'] : ['normal'];

async function checkIn(i: number): Promise<void> {
  const idNumber = `${tag}${String(i).padStart(12 - tag.length, '0')}`;
  const { visit } = await store.checkIn(
    pendingCheckIn(
      idNumber,
      {
        department: departments[i % departments.length]!,
        lane: lanes[Math.floor(i / departments.length) % lanes.length]!,
        createdAt: new Date().toISOString(),
      },
      200,
    ),
  );
  say(`ok ${visit.queueNumber}`);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  if (mode === 'loop') {
    for (let i = 0; ; i++) await checkIn(i);
  }
  while (!fs.existsSync(goFile!)) await sleep(5);
  // A short pause between check-ins (real ones are seconds apart) lets the two processes'
  // transactions interleave instead of one draining its queue while the other waits.
  for (let i = 0; i < Number(countArg); i++) {
    await checkIn(i);
    await sleep(2);
  }
  await store.close();
}

void main();
