/**
 * Runs a CLI harness (a test's own subset of the commands under the real CLI frame) as a child
 * process with its own data folder, and returns its exit code and output instead of throwing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliHarness(
  harness: string,
  dataDir: string,
  args: string[],
): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', harness, ...args], {
      env: { ...process.env, KIOSK_DATA_DIR: dataDir },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
