import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHarness } from '../support/run-cli';

const CLI = path.resolve('src/cli/main.ts');

// Asynchronously: a worker blocked in spawnSync cannot answer vitest's RPC, which fails a green
// run on a loaded machine ("Timeout calling onTaskUpdate").
const cli = (args: string[], dataDir: string) => runCliHarness(CLI, dataDir, args);

/** Seconds from a canonical 44-byte header: data size over byte rate, read here by hand. */
function headerSeconds(file: string): number {
  const b = readFileSync(file);
  expect(b.toString('ascii', 0, 4)).toBe('RIFF');
  expect(b.toString('ascii', 36, 40)).toBe('data');
  return b.readUInt32LE(40) / b.readUInt32LE(28);
}

const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'kiosk-say-'));

describe('queue say', () => {
  it('writes a WAV of the call whose header says 1 to 10 seconds (sox agrees)', async () => {
    const dir = fresh();
    const out = path.join(dir, 'call.wav');
    const r = await cli(
      ['queue', 'say', '--number', 'K01-KHAM-T-004', '--room', '101', '--out', out, '--json'],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { text: { vi: string } };
    expect(json.text.vi).toBe('Mời số ca không một khám không không bốn đến phòng một trăm lẻ một');
    const seconds = headerSeconds(out);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(10);
    const soxSeconds = Number(execFileSync('soxi', ['-D', out], { encoding: 'utf8' }));
    expect(soxSeconds).toBeCloseTo(seconds, 2);
  });

  it('uses recorded word clips from the configured folder, converting their format', async () => {
    const dir = fresh();
    const clips = path.join(dir, 'clips');
    mkdirSync(clips);
    const words = 'mời số ca khám không bốn đến phòng một trăm lẻ'.split(' ');
    // Stand-in recordings: 0.2 s tones at 44.1 kHz stereo (not the call format, so sox converts).
    for (const w of words) {
      execFileSync('sox', [
        '-n',
        '-r',
        '44100',
        '-c',
        '2',
        path.join(clips, `${w}.wav`),
        'synth',
        '0.2',
        'sine',
        '440',
      ]);
    }
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ version: 1, queue: { speech: { clipsFolder: 'clips', english: false } } }),
    );
    const out = path.join(dir, 'call.wav');
    const r = await cli(
      ['queue', 'say', '--number', 'K01-KHAM-T-004', '--room', '101', '--out', out],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    // chime 0.7 + pause 0.25 + 15 words × (0.2 + 0.06 gap): "ca không một" is the station
    expect(headerSeconds(out)).toBeCloseTo(0.7 + 0.25 + 15 * 0.26, 1);
  });

  it('refuses an unknown room with a typed error', async () => {
    const dir = fresh();
    const r = await cli(
      [
        'queue',
        'say',
        '--number',
        'K01-KHAM-T-004',
        '--room',
        '999',
        '--out',
        path.join(dir, 'x.wav'),
      ],
      dir,
    );
    // A room missing from the configuration is a configuration error: exit 2 (README).
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/QUEUE_UNKNOWN_ROOM/);
  });

  it('refuses a malformed number as a usage error (exit 2)', async () => {
    const dir = fresh();
    const r = await cli(
      ['queue', 'say', '--number', 'hello', '--room', '101', '--out', path.join(dir, 'x.wav')],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/QUEUE_NUMBER_INVALID/);
  });

  it('the same offline number of two stations gives two different WAVs', async () => {
    const dir = fresh();
    const wavs: Buffer[] = [];
    for (const number of ['K01-KHAM-O-003', 'K02-KHAM-O-003']) {
      const out = path.join(dir, `${number}.wav`);
      const r = await cli(['queue', 'say', '--number', number, '--room', '101', '--out', out], dir);
      expect(r.code, r.stderr).toBe(0);
      wavs.push(readFileSync(out));
    }
    expect(wavs[0]!.equals(wavs[1]!)).toBe(false);
  });
});
