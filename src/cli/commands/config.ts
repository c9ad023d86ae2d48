import type { RegisterCommand } from '../output';

export const registerConfig: RegisterCommand = (program) => {
  program.command('config').description('(not implemented yet)');
};
