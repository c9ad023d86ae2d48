import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerVisits: RegisterCommand = (program) => {
  program
    .command('visits')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: visits is not implemented yet\n');
      process.exitCode = 1;
    });
};
