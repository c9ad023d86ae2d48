import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerReaders: RegisterCommand = (program) => {
  program
    .command('readers')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: readers is not implemented yet\n');
      process.exitCode = 1;
    });
};
