import path from 'node:path';
import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import { visitsToCsv } from '../../main/store/csv-export';
import { kioskError } from '../../shared/errors';
import { runCommand, type RegisterCommand } from '../output';
import { dayOption, withStore } from './visits';

interface ExportOpts {
  date: string;
  out: string;
  includeIdNumber?: boolean;
  json?: boolean;
}

/** A reader never sees half a file. */
function writeAtomically(file: string, text: string): void {
  try {
    writeFileAtomicSync(file, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw kioskError(
      'STORE_EXPORT_FAILED',
      `Không ghi được tệp ${file} (${code}).`,
      `Cannot write the file ${file} (${code}).`,
      { detail: code, cause: err },
    );
  }
}

export const registerExport: RegisterCommand = (program, ctx) => {
  program
    .command('export')
    .description(
      "write a day's visits (cancelled included) to CSV for the hospital's records: UTF-8 with " +
        'BOM for Excel, RFC 4180 quoting; the CCCD number only with --include-id-number',
    )
    .requiredOption('--date <YYYY-MM-DD>', 'the day')
    .requiredOption('--out <file.csv>', 'where to write the CSV')
    .option('--include-id-number', 'add the 12-digit CCCD number column')
    .option('--json', 'JSON output')
    .action(async (opts: ExportOpts) =>
      runCommand(
        opts,
        () =>
          withStore(ctx(), async (store) => {
            const zone = ctx().config().config.hospital.timeZone;
            const date = dayOption(opts.date, zone);
            const visits = await store.listVisits({ date, includeCancelled: true });
            const file = path.resolve(opts.out);
            writeAtomically(
              file,
              visitsToCsv(visits, {
                timeZone: zone,
                includeIdNumber: Boolean(opts.includeIdNumber),
              }),
            );
            return { date, file, visits: visits.length };
          }),
        (r) => `${r.visits} visits of ${r.date} written to ${r.file}`,
      ),
    );
};
