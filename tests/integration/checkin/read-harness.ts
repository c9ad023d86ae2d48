/** Runs only `read` under the real CLI frame (see cli-harness.ts). */
import { Command, CommanderError } from 'commander';
import { registerRead } from '../../../src/cli/commands/read';
import { createCliContext, type CliContext } from '../../../src/cli/context';
import { failWith } from '../../../src/cli/output';

const program = new Command().name('kiosk').exitOverride();
let ctx: CliContext | undefined;
registerRead(program, () => (ctx ??= createCliContext({})));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else failWith(err);
}
