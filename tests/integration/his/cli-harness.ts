/**
 * Runs the check-in, HIS, evidence and audit commands under the real CLI frame (commander + runCommand +
 * CliContext). `node --import tsx tests/integration/his/cli-harness.ts <args>`.
 */
import { Command, CommanderError } from 'commander';
import { registerAudit } from '../../../src/cli/commands/audit';
import { registerCheckin } from '../../../src/cli/commands/checkin';
import { registerEvidence } from '../../../src/cli/commands/evidence';
import { registerHis } from '../../../src/cli/commands/his';
import { createCliContext, type CliContext } from '../../../src/cli/context';
import { failWith } from '../../../src/cli/output';

const program = new Command().name('kiosk').exitOverride();
let ctx: CliContext | undefined;
const getCtx = (): CliContext => (ctx ??= createCliContext({}));
for (const register of [registerCheckin, registerHis, registerEvidence, registerAudit]) {
  register(program, getCtx);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else failWith(err);
}
