import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands.
export const registerSimulateCard: RegisterCommand = (sim) => {
  sim
    .command('card')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: simulate card is not implemented yet\n');
      process.exitCode = 1;
    });
};
