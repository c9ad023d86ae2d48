import type { RegisterCommand } from '../output';
import { registerSimulateCard } from './simulate-card';
import { registerSimulateGateway } from './simulate-gateway';
import { registerSimulateList } from './simulate-list';

export const registerSimulate: RegisterCommand = (program, ctx) => {
  const sim = program
    .command('simulate')
    .description(
      'the simulators: a CCCD chip on vpcd or the BHXH gateway (until stopped), and the list of made-up identities',
    );
  registerSimulateCard(sim, ctx);
  registerSimulateGateway(sim, ctx);
  registerSimulateList(sim, ctx);
};
