import type { RegisterCommand } from '../output';

// Placeholder until the owning issue lands.
export const registerSimulateGateway: RegisterCommand = (sim) => {
  sim
    .command('gateway')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('error NOT_IMPLEMENTED: simulate gateway is not implemented yet\n');
      process.exitCode = 1;
    });
};
