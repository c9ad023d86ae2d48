/**
 * Runs only the insurance commands (lookup, simulate gateway) under the real CLI frame
 * (commander + runCommand + CliContext), so these tests do not depend on other areas' commands
 * loading. `tsx tests/integration/insurance/cli-harness.ts <args>`.
 */
import { Command, CommanderError } from 'commander';
import { registerLookup } from '../../../src/cli/commands/lookup';
import { registerSimulateGateway } from '../../../src/cli/commands/simulate-gateway';
import { createCliContext, type CliContext } from '../../../src/cli/context';
import { failWith } from '../../../src/cli/output';

const program = new Command().name('kiosk').exitOverride();
let ctx: CliContext | undefined;
const getCtx = (): CliContext => (ctx ??= createCliContext({}));
registerLookup(program, getCtx);
registerSimulateGateway(program.command('simulate'), getCtx);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else failWith(err);
}
