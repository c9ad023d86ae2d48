import type { RegisterCommand } from '../output';

/**
 * Every command, in the order `--help` lists them; one file per command (its name is the file's).
 * Each is loaded only when it is the one asked for (or for --help), so a command starts without
 * loading the others' dependencies (Chromium, PostgreSQL, the chip code, the simulators).
 */
export interface CommandEntry {
  name: string;
  load(): Promise<RegisterCommand>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'config', load: async () => (await import('./config')).registerConfig },
  { name: 'doctor', load: async () => (await import('./doctor')).registerDoctor },
  { name: 'readers', load: async () => (await import('./readers')).registerReaders },
  { name: 'read', load: async () => (await import('./read')).registerRead },
  { name: 'lookup', load: async () => (await import('./lookup')).registerLookup },
  { name: 'checkin', load: async () => (await import('./checkin')).registerCheckin },
  { name: 'visits', load: async () => (await import('./visits')).registerVisits },
  { name: 'ticket', load: async () => (await import('./ticket')).registerTicket },
  { name: 'queue', load: async () => (await import('./queue')).registerQueue },
  { name: 'store', load: async () => (await import('./store')).registerStore },
  { name: 'purge', load: async () => (await import('./purge')).registerPurge },
  { name: 'export', load: async () => (await import('./export')).registerExport },
  { name: 'evidence', load: async () => (await import('./evidence')).registerEvidence },
  { name: 'audit', load: async () => (await import('./audit')).registerAudit },
  { name: 'his', load: async () => (await import('./his')).registerHis },
  { name: 'slip', load: async () => (await import('./slip')).registerSlip },
  { name: 'print', load: async () => (await import('./print')).registerPrint },
  { name: 'simulate', load: async () => (await import('./simulate')).registerSimulate },
];
