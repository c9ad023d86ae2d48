import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerCheckin: RegisterCommand = (program) => {
  program
    .command('checkin')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: checkin is not implemented yet\n');
      process.exitCode = 1;
    });
};
