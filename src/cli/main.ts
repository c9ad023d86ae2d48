#!/usr/bin/env node
/**
 * Command-line entry: the same services as the desktop app, under plain Node.
 *   npm run cli -- <command> [options] [--json]      (tsx, from the sources)
 *   kiosk <command> [options] [--json]               (built: out/cli/kiosk.mjs, npm run build)
 */
import { Command, CommanderError } from 'commander';
import { buildProgram } from './program';
import { failWith } from './output';

async function main(argv: string[]): Promise<void> {
  let program: Command;
  try {
    program = await buildProgram(argv.slice(2));
  } catch (err) {
    failWith(err);
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version print themselves and exit 0; usage errors already printed one line.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    failWith(err);
  }
}

void main(process.argv);
