import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerSlip: RegisterCommand = (program) => {
  program
    .command('slip')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: slip is not implemented yet\n');
      process.exitCode = 1;
    });
};
