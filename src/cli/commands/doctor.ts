import type { RegisterCommand } from '../output';

export const registerDoctor: RegisterCommand = (program) => {
  program.command('doctor').description('(not implemented yet)');
};
