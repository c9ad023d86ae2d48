#!/usr/bin/env node
/**
 * Command-line entry: the same services as the desktop app, under plain Node.
 *   npm run cli -- <command> [options] [--json]
 */
import { Command, CommanderError } from 'commander';
import { createCliContext, type CliContext } from './context';
import { COMMANDS } from './commands/index';
import { failWith } from './output';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('kiosk')
    .description('CCCD check-in kiosk: readers, insurance lookup, check-in, slips, simulators')
    .option('--data-dir <dir>', 'data folder (default: the app data folder, or $KIOSK_DATA_DIR)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  let ctx: CliContext | undefined;
  const getCtx = (): CliContext => {
    ctx ??= createCliContext({ dataDir: program.opts<{ dataDir?: string }>().dataDir });
    return ctx;
  };
  for (const register of COMMANDS) register(program, getCtx);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
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
