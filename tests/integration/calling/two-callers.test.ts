/**
 * Two rooms' caller processes on one SQLite file, 200 calls each at the same moment: every
 * waiting visit is called exactly once, by one room.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { Lane } from '../../../src/shared/domain';
import { tempDir } from '../../unit/checkin/fakes';
import { pendingCheckIn } from '../../unit/store/requests';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'caller-child.ts');
const LANES: Lane[] = [
  'normal',
  'normal',
  'elderly',
  'child',
  'pregnant',
  'disability',
  'emergency',
];

function startCaller(file: string, room: string, calls: number, go: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, file, room, String(calls), go], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Local noon of the test day, so that "today" is the test day in any time zone.
    env: { ...process.env, CALL_AT: new Date(2026, 10, 23, 12).toISOString() },
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const lines = () => out.split('\n').filter(Boolean);
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  return { lines, exited, stderr: () => err };
}

describe('two rooms calling at once', () => {
  it('400 waiting visits, two processes × 200 calls: each visit called exactly once', async () => {
    const dir = tempDir('kiosk-callers-');
    const file = path.join(dir, 'kiosk.sqlite');
    const go = path.join(dir, 'go');
    const seed = openSqliteStore({ file });
    const ids: string[] = [];
    for (let i = 0; i < 400; i++) {
      const { visit } = await seed.checkIn(
        pendingCheckIn(`0790${String(i).padStart(8, '0')}`, {
          lane: LANES[i % LANES.length]!,
          createdAt: new Date(Date.UTC(2026, 10, 23, 2, 0, 0, i)).toISOString(),
        }),
      );
      ids.push(visit.id);
    }
    await seed.close();

    const a = startCaller(file, '101', 200, go);
    const b = startCaller(file, '102', 200, go);
    const ready = async () => {
      for (
        let t = 0;
        t < 600 && !(a.lines().includes('ready') && b.lines().includes('ready'));
        t++
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await ready();
    fs.writeFileSync(go, '');
    const codes = await Promise.all([a.exited, b.exited]);
    expect(codes, a.stderr() + b.stderr()).toEqual([0, 0]);

    const calledBy = (c: typeof a) =>
      c
        .lines()
        .filter((l) => l.startsWith('called '))
        .map((l) => l.slice(7));
    const byA = calledBy(a);
    const byB = calledBy(b);
    expect(byA).toHaveLength(200);
    expect(byB).toHaveLength(200);
    const all = [...byA, ...byB];
    expect(new Set(all).size).toBe(400);
    expect(new Set(all)).toEqual(new Set(ids));

    const check = openSqliteStore({ file });
    const rows = check.database
      .prepare(
        `SELECT v.id, v.called_room, v.call_count, count(e.id) AS events
         FROM visits v LEFT JOIN visit_progress_events e ON e.visit_id = v.id GROUP BY v.id`,
      )
      .all() as { id: string; called_room: string; call_count: number; events: number }[];
    await check.close();
    expect(rows.filter((r) => r.call_count !== 1 || r.events !== 1)).toEqual([]);
    const roomOf = new Map(rows.map((r) => [r.id, r.called_room]));
    expect(byA.every((id) => roomOf.get(id) === '101')).toBe(true);
    expect(byB.every((id) => roomOf.get(id) === '102')).toBe(true);
  });
});
