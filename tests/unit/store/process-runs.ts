import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';

/** A run id as print-owner.ts makes them, for a process id on this host. */
export const runOf = (pid: number): string => `${os.hostname()}#${pid}#test`;

/** The run id of a process that has already exited: its prints were interrupted. */
export async function goneRun(): Promise<string> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return runOf(child.pid!);
}

/** A process that keeps running until killed (the CLI beside the app, say). */
export function runningProcess(): { run: string; child: ChildProcess; stop(): Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  return {
    run: runOf(child.pid!),
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
