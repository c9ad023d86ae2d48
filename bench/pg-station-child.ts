/**
 * One station for the PostgreSQL store bench, as its own process with its own PostgresStore and
 * pool (the app's default pool size):
 *   node --import tsx pg-station-child.ts <url> <station number>
 * Warms up (connection, JIT) with check-ins on a day no run uses and prints `ready`. Then each
 * line `run <id> <day> <count>` on stdin checks in <count> made-up people into KHAM, normal lane,
 * on <day>, back to back, and prints `result <id> <json>`: each check-in's latency and the
 * wall-clock start and end (performance.timeOrigin + now(), comparable across processes). The
 * process stays up between runs (starting eight under tsx costs more than the runs themselves)
 * and ends when stdin closes.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { openPostgresStore } from '../src/main/store/postgres/open-postgres-store';
import { benchRequest } from './store-requests';

const [url, stationArg] = process.argv.slice(2) as [string, string];
const station = Number(stationArg);
const stationId = `B${station}`;
const say = (line: string): void => {
  fs.writeSync(1, `${line}\n`);
};
const wallNow = (): number => performance.timeOrigin + performance.now();

// People of different stations never share a number: a shared one would be a reprint instead.
const person = (i: number): number => station * 1_000_000 + i;

const store = await openPostgresStore({ url, applicationName: `kiosk-bench ${stationId}` });
try {
  for (let i = 0; i < 20; i++) {
    await store.checkIn(benchRequest(person(i), { stationId, date: '2026-10-31' }));
  }
  say('ready');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const [, id, day, count] = line.split(' ') as [string, string, string, string];
    const latenciesMs: number[] = [];
    const startedAt = wallNow();
    for (let i = 0; i < Number(count); i++) {
      const t0 = performance.now();
      const { created } = await store.checkIn(
        benchRequest(person(i), { stationId, date: day, department: 'KHAM', lane: 'normal' }),
      );
      latenciesMs.push(performance.now() - t0);
      if (!created) throw new Error('a bench check-in found an earlier visit');
    }
    say(`result ${id} ${JSON.stringify({ latenciesMs, startedAt, endedAt: wallNow() })}`);
  }
} finally {
  await store.close();
}
