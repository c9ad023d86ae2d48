/**
 * How long the built CLI (out/cli/kiosk.mjs, `npm run build`) takes to answer `config`, start to
 * exit, five runs: the figure a scripted call button or the hospital's IT waits for each call.
 * `npm run cli` (tsx, transpiling src on every call) is timed once beside it for comparison.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Report } from './report';

const BUILT = 'out/cli/kiosk.mjs';
const RUNS = 5;

function timeRun(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export default async function (report: Report): Promise<void> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-bench-'));
  const env = { ...process.env, KIOSK_DATA_DIR: dataDir };
  try {
    const built = Array.from({ length: RUNS }, () =>
      timeRun(process.execPath, [BUILT, 'config'], env),
    );
    report.samples('built CLI `config`, start to exit', built, 'ms');
    const tsx = path.join('node_modules', '.bin', 'tsx');
    report.figure(
      'npm run cli `config` (tsx), one run',
      timeRun(tsx, ['src/cli/main.ts', 'config'], env),
      'ms',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
