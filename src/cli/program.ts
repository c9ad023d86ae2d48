/** The CLI's program: global options and the command asked for (see ./commands/index.ts). */
import { Command } from 'commander';
import { createCliContext, type CliContext } from './context';
import { COMMANDS } from './commands/index';

/**
 * The command named on the line: the first word that is not an option (nor --data-dir's value),
 * or null (no command, e.g. --help).
 */
export function requestedCommand(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--data-dir') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return null;
}

/** The program with the requested command only; every command for help or an unknown name. */
export async function buildProgram(args: string[]): Promise<Command> {
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
  const wanted = requestedCommand(args);
  const one = COMMANDS.filter((c) => c.name === wanted);
  for (const entry of one.length > 0 ? one : COMMANDS) (await entry.load())(program, getCtx);
  return program;
}
