/**
 * Running ./checkin-child.ts station processes from a test (or another station script, such as
 * the store bench's): start one, wait for what it prints, and read back the queue numbers it saw
 * committed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'checkin-child.ts');

export interface Child {
  proc: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/** `stdin`: a pipe to the child, for scripts that take orders while they run. */
export function startChild(args: string[], script = CHILD, stdin = false): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    }),
  );
  return { proc, lines, exited };
}

export async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!cond()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const committed = (c: Child): string[] =>
  c.lines.filter((l) => l.startsWith('ok ')).map((l) => l.slice(3));
