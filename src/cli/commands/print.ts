import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerPrint: RegisterCommand = (program) => {
  program
    .command('print')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: print is not implemented yet\n');
      process.exitCode = 1;
    });
};
