/**
 * Runs only the check-in commands (checkin, visits, ticket, purge, export) under the real CLI frame
 * (commander + runCommand + CliContext), so these tests do not depend on other areas' commands.
 * `node --import tsx tests/integration/checkin/cli-harness.ts <args>`.
 */
import { Command, CommanderError } from 'commander';
import { registerCheckin } from '../../../src/cli/commands/checkin';
import { registerExport } from '../../../src/cli/commands/export';
import { registerPurge } from '../../../src/cli/commands/purge';
import { registerTicket } from '../../../src/cli/commands/ticket';
import { registerVisits } from '../../../src/cli/commands/visits';
import { createCliContext, type CliContext } from '../../../src/cli/context';
import { failWith } from '../../../src/cli/output';

const program = new Command().name('kiosk').exitOverride();
let ctx: CliContext | undefined;
const getCtx = (): CliContext => (ctx ??= createCliContext({}));
for (const register of [
  registerCheckin,
  registerVisits,
  registerTicket,
  registerPurge,
  registerExport,
]) {
  register(program, getCtx);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else failWith(err);
}
