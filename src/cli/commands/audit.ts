import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import { auditToCsv } from '../../main/staff/audit-csv';
import { isIsoDay } from '../../shared/hospital-day';
import { kioskError } from '../../shared/errors';
import { runCommand, type RegisterCommand } from '../output';
import { withStore } from './visits';

interface AuditOpts {
  from: string;
  to: string;
  out: string;
  json?: boolean;
}

export const registerAudit: RegisterCommand = (program, ctx) => {
  program
    .command('audit')
    .description(
      'export the audit trail of staff actions (sign-in/out, overrides, cancels, reprints...) as CSV',
    )
    .requiredOption('--from <YYYY-MM-DD>', 'first hospital day')
    .requiredOption('--to <YYYY-MM-DD>', 'last hospital day (inclusive)')
    .requiredOption('--out <file.csv>', 'output file')
    .option('--json', 'JSON output')
    .action(async (opts: AuditOpts) =>
      runCommand(
        opts,
        async () => {
          if (!isIsoDay(opts.from) || !isIsoDay(opts.to) || opts.from > opts.to) {
            throw kioskError(
              'USAGE_INVALID',
              '--from và --to phải là ngày YYYY-MM-DD, --from không sau --to',
              '--from and --to must be dates as YYYY-MM-DD, --from not after --to',
            );
          }
          if (!opts.out.toLowerCase().endsWith('.csv')) {
            throw kioskError(
              'USAGE_INVALID',
              '--out phải kết thúc bằng .csv',
              '--out must end in .csv',
            );
          }
          const c = ctx();
          const entries = await withStore(c, (store) => store.audit.between(opts.from, opts.to));
          writeFileAtomicSync(opts.out, auditToCsv(entries, c.config().config.hospital.timeZone));
          return { file: opts.out, entries: entries.length };
        },
        (r) => `${r.entries} staff action(s) written to ${r.file}`,
      ),
    );
};
