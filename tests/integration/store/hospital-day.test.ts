/**
 * Two station processes on one store, one machine left in UTC and one in Vietnam time, both at
 * 06:30 in Hanoi (23:30 UTC the evening before): the hospital's day decides, so both put the
 * visit on the same day and the second takes the next number of the same queue. Once on a shared
 * SQLite file, once on the hospital's PostgreSQL server (two stations, one queue).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../unit/checkin/fakes';
import { describeOnPg } from '../support/describe-on-pg';
import { freshDatabase } from './pg-databases';
import type { StationChildOptions } from './station-child';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'station-child.ts');
const run = promisify(execFile);
const AT_0630_HANOI = '2026-11-22T23:30:00.000Z';

async function station(tz: string, options: StationChildOptions) {
  const r = await run(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options)], {
    env: { ...process.env, TZ: tz },
    timeout: 60_000,
  });
  const lines = r.stdout.trim().split('\n');
  expect(lines.at(-1)).toBe('done');
  return lines.slice(0, -1).map((l) => JSON.parse(l) as Record<string, string>);
}

describe("the hospital's day across machines", () => {
  it('TZ=UTC and TZ=Asia/Ho_Chi_Minh at 06:30 Vietnam time agree on the day and next number', async () => {
    const dataDir = tempDir('kiosk-day-');
    const common = {
      dataDir,
      store: { file: path.join(dataDir, 'kiosk.sqlite') },
      clock: AT_0630_HANOI,
      department: 'KHAM',
    };
    const [utc] = await station('UTC', { ...common, stationId: 'K01', people: [1] });
    const [vn] = await station('Asia/Ho_Chi_Minh', { ...common, stationId: 'K01', people: [2] });
    expect(utc).toMatchObject({
      machineZone: 'UTC',
      hospitalDay: '2026-11-23',
      date: '2026-11-23',
    });
    expect(vn).toMatchObject({
      machineZone: expect.stringMatching(/^Asia\/(Ho_Chi_Minh|Saigon)$/), // ICU may say either
      hospitalDay: '2026-11-23',
      date: '2026-11-23',
    });
    expect([utc!.queueNumber, vn!.queueNumber]).toEqual(['K01-KHAM-T-001', 'K01-KHAM-T-002']);
  });
});

describeOnPg("the hospital's day across machines, on the hospital server", (cluster) => {
  it('TZ=UTC and TZ=Asia/Ho_Chi_Minh stations at 06:30 Vietnam time agree on the day and next number', async () => {
    const url = await freshDatabase(cluster());
    const common = {
      dataDir: tempDir('kiosk-day-pg-'),
      store: { engine: 'postgres', postgres: { url } },
      clock: AT_0630_HANOI,
      department: 'KHAM',
    };
    const [utc] = await station('UTC', { ...common, stationId: 'K01', people: [1] });
    const [vn] = await station('Asia/Ho_Chi_Minh', { ...common, stationId: 'K02', people: [2] });
    expect(utc).toMatchObject({
      machineZone: 'UTC',
      hospitalDay: '2026-11-23',
      date: '2026-11-23',
    });
    expect(vn).toMatchObject({ hospitalDay: '2026-11-23', date: '2026-11-23', stationId: 'K02' });
    expect(vn!.machineZone).toMatch(/^Asia\/(Ho_Chi_Minh|Saigon)$/);
    // One queue for the hospital: the second station takes the next number, without a prefix.
    expect([utc!.queueNumber, vn!.queueNumber]).toEqual(['KHAM-T-001', 'KHAM-T-002']);
  }, 180_000);
});
