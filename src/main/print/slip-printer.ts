/**
 * The SlipPrinter: a committed visit in, a PrintOutcome out. It never throws and never touches
 * the visit: a failed print is an outcome ('failed' + the error) that the check-in records and
 * the screen offers to retry. One job at a time, in order (a printer cannot interleave slips).
 */
import type { PrintOutcome, Visit } from '../../shared/domain';
import { KioskError, toErrorShape } from '../../shared/errors';
import { inDataDir } from '../config/load-config';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { SlipPrinter } from '../services-contract';
import { printEscpos } from './drivers/escpos-driver';
import { slipPdfPath, writeFileAtomic } from './drivers/pdf-file';
import type { PaperId } from './paper';
import type { PdfRenderer, SystemPrintFn } from './pdf-renderer';
import { printErrors, withTimeout } from './print-errors';
import { loadSlipLogo } from './slip-assets';
import { renderSlipHtml } from './slip-html';
import { buildSlipModel, type SlipModel } from './slip-model';

export interface SlipPrinterOptions {
  config: KioskConfig;
  dataDir: string;
  logger: Logger;
  /** Electron's printToPDF; when absent, Chromium through Playwright is started on first use. */
  pdfRenderer?: PdfRenderer;
  /** Electron's silent webContents.print; absent under plain Node (driver 'system' fails). */
  systemPrint?: SystemPrintFn;
  now?: () => number;
}

export function createSlipPrinter(options: SlipPrinterOptions): SlipPrinter {
  const { config, dataDir } = options;
  const printer = config.printer;
  const logger = options.logger.child({ area: 'print', driver: printer.driver });
  const now = options.now ?? Date.now;
  let ownedRenderer: Promise<PdfRenderer> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // The configuration is fixed for the printer's life: read the logo file once, at the first slip.
  let logo: string | null = null;
  const slipLogo = (): string => (logo ??= loadSlipLogo(config, dataDir));

  function renderer(): Promise<PdfRenderer> {
    if (options.pdfRenderer) return Promise.resolve(options.pdfRenderer);
    // Loaded on demand: Electron passes its own renderer, so Playwright is never loaded there.
    ownedRenderer ??= import('./chromium-pdf-renderer').then((m) =>
      m.createChromiumPdfRenderer({ timeoutMs: printer.jobTimeoutMs, logger }),
    );
    return ownedRenderer;
  }

  async function deliver(visit: Visit, model: SlipModel): Promise<void> {
    switch (printer.driver) {
      case 'pdf': {
        const html = renderSlipHtml(model, printer.paper);
        const pdf = await (await renderer()).render(html, printer.paper);
        await writeFileAtomic(slipPdfPath(inDataDir(dataDir, printer.pdfFolder), visit), pdf);
        return;
      }
      case 'system': {
        if (!options.systemPrint || !printer.systemName) {
          throw printErrors.unavailable({
            detail: options.systemPrint
              ? 'printer.systemName is not set'
              : 'system printing needs the desktop app (Electron)',
          });
        }
        const html = renderSlipHtml(model, printer.paper);
        await options.systemPrint({
          html,
          paper: printer.paper,
          deviceName: printer.systemName,
          timeoutMs: printer.jobTimeoutMs,
        });
        return;
      }
      case 'escpos': {
        const report = await printEscpos(model, printer);
        if (report.paper === 'near-end') logger.warn('printer paper near end');
        return;
      }
      case 'none':
        return;
    }
  }

  async function printOne(visit: Visit): Promise<PrintOutcome> {
    if (printer.driver === 'none') return { visitId: visit.id, status: 'not-printed', error: null };
    const started = now();
    try {
      const model = buildSlipModel(visit, config, { logoDataUrl: slipLogo() });
      await withTimeout(deliver(visit, model), printer.jobTimeoutMs + 1000, () =>
        printErrors.timeout({ detail: `print job took longer than ${printer.jobTimeoutMs} ms` }),
      );
      logger.info('slip printed', { ms: now() - started });
      return { visitId: visit.id, status: 'printed', error: null };
    } catch (err) {
      const error =
        err instanceof KioskError
          ? err.toShape()
          : toErrorShape(printErrors.renderFailed({ detail: (err as Error)?.name ?? 'error' }));
      logger.warn('slip print failed', { code: error.code, detail: error.detail });
      return { visitId: visit.id, status: 'failed', error };
    }
  }

  return {
    print(visit) {
      const job = queue.then(() => printOne(visit));
      queue = job;
      return job;
    },
    async close() {
      await queue;
      const r = ownedRenderer;
      ownedRenderer = null;
      if (r) await (await r).close();
    },
  };
}

/** The slip of `visit` as PDF bytes (CLI `slip`, docs, tests). */
export async function renderSlipPdf(
  visit: Visit,
  config: KioskConfig,
  renderer: PdfRenderer,
  options: { dataDir?: string; paper?: PaperId } = {},
): Promise<Uint8Array> {
  const logo = loadSlipLogo(config, options.dataDir ?? process.cwd());
  const model = buildSlipModel(visit, config, { logoDataUrl: logo });
  return renderer.render(
    renderSlipHtml(model, options.paper ?? config.printer.paper),
    options.paper ?? config.printer.paper,
  );
}
