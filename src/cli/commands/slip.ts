import path from 'node:path';
import type { Command } from 'commander';
import type { KioskConfig } from '../../main/config/schema';
import type { VisitStore } from '../../main/store/store-ports';
import { slipPdfPath, writeFileAtomic } from '../../main/print/drivers/pdf-file';
import { PAPERS, type PaperId } from '../../main/print/paper';
import { renderSlipPdf } from '../../main/print/slip-printer';
import { sampleVisit, type SampleVisitOptions } from '../../sim/sample-visits';
import { SIM_IDENTITIES } from '../../sim/data/identities';
import { LANES, type InsuranceSource, type Lane, type Visit } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import { withRoot, type CliContext } from '../context';
import type { CompositionRoot } from '../../main/composition-root';
import { runCommand, type RegisterCommand } from '../output';

export interface VisitSourceOpts {
  visit?: string;
  sample?: string;
  lane?: string;
  insurance?: string;
}

const SOURCES: InsuranceSource[] = [
  'online',
  'cache',
  'pending',
  'staff-override',
  'self-pay',
  'disabled',
];

function usage(vi: string, en: string): Error {
  return kioskError('USAGE_INVALID', vi, en);
}

/** `--visit <id>` (from the store) or `--sample <n>` (a made-up visit from the simulator catalog). */
export function addVisitSourceOptions(cmd: Command): Command {
  return cmd
    .option('--visit <id>', "a visit's id from the database")
    .option(
      '--sample <n>',
      `a sample visit for catalog identity n (1-${SIM_IDENTITIES.length}), no database`,
    )
    .option('--lane <lane>', `with --sample: ${LANES.join('|')}`)
    .option('--insurance <source>', `with --sample: ${SOURCES.join('|')}`);
}

/** Where a CLI-picked visit came from: the store (kept open for recording) or the catalog. */
export interface VisitSource {
  visit: Visit;
  /** The open store for `--visit` (to record the print), null for `--sample`. */
  store: Pick<VisitStore, 'recordPrint'> | null;
  /** The composition root, for the services the command needs (the printer). */
  root: CompositionRoot;
}

/**
 * Runs `use` with the chosen visit; what the root opened (the store for `--visit`) is closed
 * afterwards.
 */
export async function withVisit<T>(
  ctx: CliContext,
  opts: VisitSourceOpts,
  use: (source: VisitSource) => Promise<T>,
): Promise<T> {
  if (Boolean(opts.visit) === Boolean(opts.sample)) {
    throw usage(
      'Cần đúng một trong --visit hoặc --sample.',
      'Give exactly one of --visit or --sample.',
    );
  }
  return withRoot(ctx, async (root) => {
    if (opts.sample) return use({ visit: sampleFromOptions(opts), store: null, root });
    const store = await root.store();
    const visit = await store.getVisit(opts.visit!);
    if (!visit) {
      throw kioskError(
        'STORE_VISIT_NOT_FOUND',
        `Không có lượt khám ${opts.visit} trong cơ sở dữ liệu.`,
        `There is no visit ${opts.visit} in the database.`,
      );
    }
    return use({ visit, store, root });
  });
}

function sampleFromOptions(opts: VisitSourceOpts): Visit {
  const index = Number(opts.sample);
  if (!Number.isInteger(index) || index < 1 || index > SIM_IDENTITIES.length) {
    throw usage(
      `--sample phải là số từ 1 đến ${SIM_IDENTITIES.length}.`,
      `--sample must be a number from 1 to ${SIM_IDENTITIES.length}.`,
    );
  }
  const options: SampleVisitOptions = {};
  if (opts.lane) {
    if (!LANES.includes(opts.lane as Lane)) {
      throw usage(`--lane: ${LANES.join('|')}`, `--lane: ${LANES.join('|')}`);
    }
    options.lane = opts.lane as Lane;
  }
  if (opts.insurance) {
    if (!SOURCES.includes(opts.insurance as InsuranceSource)) {
      throw usage(`--insurance: ${SOURCES.join('|')}`, `--insurance: ${SOURCES.join('|')}`);
    }
    options.insuranceSource = opts.insurance as InsuranceSource;
  }
  return sampleVisit(index, options);
}

function paperOption(config: KioskConfig, paper: string | undefined): PaperId {
  if (paper === undefined) return config.printer.paper;
  if (!(paper in PAPERS)) throw usage('--paper: 80mm|58mm|A5', '--paper: 80mm|58mm|A5');
  return paper as PaperId;
}

interface SlipOpts extends VisitSourceOpts {
  out?: string;
  paper?: string;
  json?: boolean;
}

export const registerSlip: RegisterCommand = (program, ctx) => {
  addVisitSourceOptions(
    program
      .command('slip')
      .description("render a visit's check-in slip to a PDF file (Chromium, no printer needed)"),
  )
    .option('--out <file.pdf>', "where to write the PDF (default: the pdf driver's folder)")
    .option('--paper <paper>', '80mm|58mm|A5 (default: printer.paper)')
    .option('--json', 'JSON output')
    .action(async (opts: SlipOpts) =>
      runCommand(
        opts,
        async () => {
          const c = ctx();
          const { config } = c.config();
          const paper = paperOption(config, opts.paper);
          return withVisit(c, opts, async ({ visit }) => {
            const out = path.resolve(
              opts.out ?? slipPdfPath(path.resolve(c.dataDir, config.printer.pdfFolder), visit),
            );
            const { createChromiumPdfRenderer } =
              await import('../../main/print/chromium-pdf-renderer');
            const renderer = createChromiumPdfRenderer({ timeoutMs: config.printer.jobTimeoutMs });
            try {
              const pdf = await renderSlipPdf(visit, config, renderer, {
                paper,
                dataDir: c.dataDir,
              });
              await writeFileAtomic(out, pdf);
              return {
                visitId: visit.id,
                queueNumber: visit.queueNumber,
                paper,
                out,
                bytes: pdf.length,
              };
            } finally {
              await renderer.close();
            }
          });
        },
        (v) => `slip ${v.queueNumber} (${v.paper}) written to ${v.out} (${v.bytes} bytes)`,
      ),
    );
};
