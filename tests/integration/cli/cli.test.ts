import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHarness } from '../support/run-cli';

const CLI = path.resolve('src/cli/main.ts');

// Asynchronously: a worker blocked in spawnSync cannot answer vitest's RPC, which fails a green
// run on a loaded machine ("Timeout calling onTaskUpdate").
const cli = (args: string[], dataDir: string) => runCliHarness(CLI, dataDir, args);

const freshDir = () => mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-'));

describe('command line', () => {
  it('prints help and exits 0', async () => {
    const r = await cli(['--help'], freshDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('doctor');
    expect(r.stdout).toContain('config');
  });

  it('exits non-zero with one line for an unknown command', async () => {
    const r = await cli(['frobnicate'], freshDir());
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/unknown command/);
  });

  it('config --json prints the path and the effective configuration', async () => {
    const dir = freshDir();
    const r = await cli(['config', '--json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      path: string;
      fromFile: boolean;
      config: { reader: { driver: string } };
    };
    expect(out.path).toBe(path.join(dir, 'config.json'));
    expect(out.fromFile).toBe(false);
    expect(out.config.reader.driver).toBe('simulated');
  });

  it('config --init writes the defaults once, then refuses to overwrite', async () => {
    const dir = freshDir();
    expect((await cli(['config', '--init'], dir)).code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as {
      version: number;
    };
    expect(written.version).toBe(1);
    const again = await cli(['config', '--init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('a bad configuration file gives exit 2 and one line naming the field', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ store: { retentionDays: -5 } }));
    const r = await cli(['config'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('store.retentionDays');
  });

  it('secrets are masked', async () => {
    const dir = freshDir();
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        // The default officer is the placeholder: a test bench.
        allowSimulated: true,
        insurance: {
          service: 'bhxh',
          baseUrl: 'https://egw.example.invalid',
          username: 'u',
          password: 'S3cret-pw',
        },
      }),
    );
    const r = await cli(['config', '--json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('S3cret-pw');
  });

  it('doctor reports every part and exits 0 on a default machine', async () => {
    const r = await cli(['doctor', '--json'], freshDir());
    const report = JSON.parse(r.stdout) as {
      checks: { name: string; status: string }[];
      healthy: boolean;
    };
    const names = report.checks.map((c) => c.name);
    for (const expected of [
      'node',
      'configuration',
      'better-sqlite3',
      'card reader',
      'lookup service',
      'printer',
      'store',
    ]) {
      expect(names).toContain(expected);
    }
    expect(r.code).toBe(report.healthy ? 0 : 1);
  });

  it('doctor fails on a broken configuration', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'config.json'), '{');
    const r = await cli(['doctor'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/FAIL\s+configuration/);
  });
});
