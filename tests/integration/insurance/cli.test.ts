import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHarness } from '../support/run-cli';

const TSX = path.resolve('node_modules/.bin/tsx');
const HARNESS = path.resolve('tests/integration/insurance/cli-harness.ts');
const freshDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'kiosk-ins-cli-'));

// Asynchronously: a worker blocked in spawnSync cannot answer vitest's RPC, which fails a green
// run on a loaded machine ("Timeout calling onTaskUpdate").
const cli = (args: string[]) => runCliHarness(HARNESS, freshDir(), args);

describe('lookup and simulate gateway commands', () => {
  it("lookup --json starts the simulator in-process and prints the issue's shape", async () => {
    const r = await cli([
      'lookup',
      '--id',
      '001182004455',
      '--name',
      'Đỗ Thị Hằng',
      '--dob',
      '1982-05-30',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'code',
      'outcome',
      'mayUseInsurance',
      'message',
      'card',
      'replacement',
      'history',
    ]);
    expect(out).toMatchObject({ code: '004', outcome: 'replaced-card', mayUseInsurance: true });
    expect(Object.keys(out.card as object)).toEqual([
      'number',
      'holderName',
      'dateOfBirth',
      'sex',
      'address',
      'validFrom',
      'validTo',
      'registeredFacility',
      'benefitLevel',
      'coveragePercent',
      'fiveYearsContinuousFrom',
      'areaCode',
      'socialInsuranceNumber',
    ]);
    expect(out.replacement).toMatchObject({ number: 'HC4011820044552' });
  });

  it('a "not insured" answer is still an answer: exit 0', async () => {
    const r = await cli([
      'lookup',
      '--card',
      'GD4010870066111',
      '--name',
      'Vũ Thị Vân',
      '--dob',
      '1987',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^010 not-insured/);
  });

  it('no answer (nothing listening) → exit 3 and one error line; bad usage → exit 2', async () => {
    const down = await cli([
      'lookup',
      '--id',
      '001085012345',
      '--name',
      'A B',
      '--dob',
      '1985',
      '--gateway',
      'http://127.0.0.1:9',
    ]);
    expect(down.code).toBe(3);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/INSURANCE_UNAVAILABLE/);
    const usage = await cli(['lookup', '--id', '123', '--name', 'A B', '--dob', '1985']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--id must be 12 digits/);
  });

  it('simulate gateway prints its URL and credentials, answers lookups and stops on SIGTERM', async () => {
    const child = spawn(TSX, [HARNESS, 'simulate', 'gateway', '--port', '0', '--json'], {
      env: { ...process.env, KIOSK_DATA_DIR: freshDir() },
    });
    const info = await new Promise<{ url: string; username: string; password: string }>(
      (resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]!) as never);
        });
        child.once('exit', () => reject(new Error('simulator exited early')));
      },
    );
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${info.url}/__sim/mode`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'slow' }),
    });
    expect(await res.json()).toEqual({ mode: 'slow' });
    await fetch(`${info.url}/__sim/mode`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'normal' }),
    });
    const r = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const c = spawn(
        TSX,
        [
          HARNESS,
          'lookup',
          '--id',
          '040083007070',
          '--name',
          'Thái Văn Sơn',
          '--dob',
          '1983-02-14',
          '--gateway',
          info.url,
          '--username',
          info.username,
          '--password',
          info.password,
          '--json',
        ],
        { env: { ...process.env, KIOSK_DATA_DIR: freshDir() } },
      );
      let out = '';
      c.stdout.on('data', (d: Buffer) => (out += d.toString()));
      c.on('exit', (code) => resolve({ code, stdout: out }));
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: '001', outcome: 'insured-with-notes' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
