import type { RegisterCommand } from '../output';
import { registerAudit } from './audit';
import { registerCheckin } from './checkin';
import { registerConfig } from './config';
import { registerDoctor } from './doctor';
import { registerEvidence } from './evidence';
import { registerExport } from './export';
import { registerHis } from './his';
import { registerLookup } from './lookup';
import { registerPrint } from './print';
import { registerPurge } from './purge';
import { registerQueue } from './queue';
import { registerRead } from './read';
import { registerReaders } from './readers';
import { registerSimulate } from './simulate';
import { registerSlip } from './slip';
import { registerStore } from './store';
import { registerVisits } from './visits';

/** Every command, in the order `--help` lists them. One file per command. */
export const COMMANDS: RegisterCommand[] = [
  registerConfig,
  registerDoctor,
  registerReaders,
  registerRead,
  registerLookup,
  registerCheckin,
  registerVisits,
  registerQueue,
  registerStore,
  registerPurge,
  registerExport,
  registerEvidence,
  registerAudit,
  registerHis,
  registerSlip,
  registerPrint,
  registerSimulate,
];
