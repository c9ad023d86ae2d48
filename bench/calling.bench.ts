/**
 * Calling patients in (one core; pin with `taskset -c 0`):
 * - call next: one IMMEDIATE transaction that reads the room's waiting visits, runs the queue
 *   policy and marks one called — per call while a queue of 500 drains;
 * - the board a display reads (recent calls, waiting counts) with 500 visits of the day;
 * - the spoken call as WAV from espeak-ng (a separate process per sentence): Vietnamese only, and
 *   Vietnamese + English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCallingService } from '../src/main/calling/calling-service';
import { callAudio } from '../src/main/calling/speech/call-audio';
import { callText } from '../src/main/calling/speech/call-text';
import { parseConfig } from '../src/main/config/load-config';
import { openSqliteStore } from '../src/main/store/sqlite/sqlite-store';
import { hospitalDay } from '../src/shared/hospital-day';
import type { Lane } from '../src/shared/domain';
import type { Report } from './report';

const LANES: Lane[] = ['normal', 'normal', 'normal', 'elderly', 'child', 'pregnant'];
const WAITING = 500;

export default async function bench(report: Report): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-calling-'));
  const store = openSqliteStore({ file: path.join(dir, 'kiosk.sqlite') });
  const now = new Date();
  const date = hospitalDay(now, 'Asia/Ho_Chi_Minh');
  try {
    for (let i = 0; i < WAITING; i++) {
      await store.checkIn({
        date,
        stationId: 'K01',
        department: 'KHAM',
        lane: LANES[i % LANES.length]!,
        patient: {
          idNumber: String(310000000000 + i),
          fullName: 'Người Thử',
          dateOfBirth: '1970-01-01',
          sex: 'F',
        },
        identitySource: 'typed',
        insurance: { source: 'self-pay', result: null, cachedAt: null, stale: false, note: null },
        createdAt: new Date(now.getTime() - (WAITING - i) * 1000).toISOString(),
        recheck: null,
      });
    }
    const calling = createCallingService({
      config: parseConfig({}, 'bench'),
      dataDir: dir,
      store,
      now: () => now,
    });
    const callMs: number[] = [];
    for (let i = 0; i < WAITING; i++) {
      const t0 = process.hrtime.bigint();
      await calling.callNext('101');
      callMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    report.samples(`call next, draining a queue of ${WAITING}`, callMs, 'ms');

    const boardMs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = process.hrtime.bigint();
      await calling.board();
      boardMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    report.samples('board (all rooms)', boardMs, 'ms');

    const text = callText('K01-KHAM-T-004', '101', { departmentWords: { KHAM: 'khám' } });
    for (const english of [false, true]) {
      const ms: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = process.hrtime.bigint();
        await callAudio(text, { voice: 'vi', wordsPerMinute: 160, english, clipsFolder: null });
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      report.samples(`spoken call WAV, espeak-ng, ${english ? 'vi + en' : 'vi only'}`, ms, 'ms');
    }
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
