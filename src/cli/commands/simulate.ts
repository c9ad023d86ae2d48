import type { RegisterCommand } from '../output';
import { registerSimulateCard } from './simulate-card';
import { registerSimulateGateway } from './simulate-gateway';

export const registerSimulate: RegisterCommand = (program, ctx) => {
  const sim = program
    .command('simulate')
    .description(
      'run a simulator until stopped (Ctrl+C): a CCCD chip on vpcd, or the BHXH gateway',
    );
  registerSimulateCard(sim, ctx);
  registerSimulateGateway(sim, ctx);
};
