import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerRead: RegisterCommand = (program) => {
  program
    .command('read')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: read is not implemented yet\n');
      process.exitCode = 1;
    });
};
