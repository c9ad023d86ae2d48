import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerPurge: RegisterCommand = (program) => {
  program
    .command('purge')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: purge is not implemented yet\n');
      process.exitCode = 1;
    });
};
