import { runPurge } from '../../main/checkin/purge-job';
import { inDataDir } from '../../main/config/load-config';
import { runCommand, type RegisterCommand } from '../output';
import { withStore } from './visits';

export const registerPurge: RegisterCommand = (program, ctx) => {
  program
    .command('purge')
    .description(
      'remove personal data older than store.retentionDays: visits are anonymised (numbers and ' +
        'outcomes kept), cached identities and lookups deleted, slip PDFs of those days deleted',
    )
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) =>
      runCommand(
        opts,
        () =>
          withStore(ctx(), async (store) => {
            const c = ctx();
            const { config } = c.config();
            const days = config.store.retentionDays;
            const zone = config.hospital.timeZone;
            const slips = inDataDir(c.dataDir, config.printer.pdfFolder);
            const report = await runPurge(store, new Date(), days, zone, c.logger(), slips);
            return { retentionDays: days, ...report };
          }),
        (r) =>
          `retention ${r.retentionDays} days: ${r.visitsAnonymised} visits anonymised, ` +
          `${r.identitiesDeleted} identities and ${r.lookupsDeleted} lookups deleted, ` +
          `${r.rechecksDeleted} re-checks and ${r.discrepanciesDeleted} discrepancies dropped, ` +
          `${r.slipFilesDeleted} slip files deleted`,
      ),
    );
};
