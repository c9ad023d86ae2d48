import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerExport: RegisterCommand = (program) => {
  program
    .command('export')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: export is not implemented yet\n');
      process.exitCode = 1;
    });
};
