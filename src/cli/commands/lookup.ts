import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerLookup: RegisterCommand = (program) => {
  program
    .command('lookup')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: lookup is not implemented yet\n');
      process.exitCode = 1;
    });
};
