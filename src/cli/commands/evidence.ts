import path from 'node:path';
import { evidenceToCsv, evidenceToHtml } from '../../main/evidence/evidence-export';
import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import { createChromiumPdfRenderer } from '../../main/print/chromium-pdf-renderer';
import { isIsoDay } from '../../shared/hospital-day';
import { kioskError } from '../../shared/errors';
import { runCommand, type RegisterCommand } from '../output';
import { withStore } from './visits';

interface EvidenceOpts {
  from: string;
  to: string;
  out: string;
  json?: boolean;
}

export const registerEvidence: RegisterCommand = (program, ctx) => {
  program
    .command('evidence')
    .description(
      'export the evidence of failed insurance lookups (QĐ 2555/QĐ-BYT) for BHXH as CSV or PDF',
    )
    .requiredOption('--from <YYYY-MM-DD>', 'first day')
    .requiredOption('--to <YYYY-MM-DD>', 'last day (inclusive)')
    .requiredOption('--out <file.csv|file.pdf>', 'output file; the extension picks the format')
    .option('--json', 'JSON output')
    .action(async (opts: EvidenceOpts) =>
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
          const ext = path.extname(opts.out).toLowerCase();
          if (ext !== '.csv' && ext !== '.pdf') {
            throw kioskError(
              'USAGE_INVALID',
              '--out phải kết thúc bằng .csv hoặc .pdf',
              '--out must end in .csv or .pdf',
            );
          }
          const c = ctx();
          const records = await withStore(c, (store) =>
            store.lookupEvidence.between(opts.from, opts.to),
          );
          if (ext === '.csv') {
            writeFileAtomicSync(
              opts.out,
              evidenceToCsv(records, c.config().config.hospital.timeZone),
            );
          } else {
            const config = c.config().config;
            const renderer = createChromiumPdfRenderer({ logger: c.logger() });
            try {
              const html = evidenceToHtml(records, opts, {
                name: config.hospital.name.vi,
                facilityCode: config.hospital.facilityCode,
                timeZone: config.hospital.timeZone,
              });
              writeFileAtomicSync(opts.out, await renderer.render(html, 'A5'));
            } finally {
              await renderer.close();
            }
          }
          return { file: opts.out, records: records.length };
        },
        (r) => `${r.records} record(s) written to ${r.file}`,
      ),
    );
};
