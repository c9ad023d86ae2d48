/**
 * Electron's side of slip printing: the same slip HTML as under Node, laid out in a hidden
 * window, then printToPDF (pdf driver) or a silent webContents.print to the configured OS printer
 * (system driver) with the slip's own page size in microns — Electron's default would be A4.
 * Cannot run on the build machines (no Electron binary); the Node path is tested instead.
 */
import { BrowserWindow } from 'electron';
import { mmToMicrons, paperSpec, PX_PER_MM, type PaperId } from '../print/paper';
import type { PdfRenderer, SystemPrintFn } from '../print/pdf-renderer';
import { printErrors, withTimeout } from '../print/print-errors';
import { fitPageCss, MEASURE_SLIP_SCRIPT } from '../print/slip-html';
import { SLIP_PRINT_PARTITION } from './navigation-guard';

const MM_PER_INCH = 25.4;

interface PageSizeMm {
  widthMm: number;
  heightMm: number;
}

/** Loads the slip in a hidden, isolated window, sizes the page to it, runs `use`, destroys it. */
async function withSlipWindow<T>(
  html: string,
  paperId: PaperId,
  timeoutMs: number,
  use: (win: BrowserWindow, size: PageSizeMm) => Promise<T>,
): Promise<T> {
  const paper = paperSpec(paperId);
  const win = new BrowserWindow({
    show: false,
    width: Math.ceil(paper.widthMm * PX_PER_MM),
    height: 800,
    webPreferences: {
      partition: SLIP_PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      backgroundThrottling: false,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  const work = (async () => {
    const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`;
    await win.loadURL(url);
    const contentPx = Number(await win.webContents.executeJavaScript(MEASURE_SLIP_SCRIPT));
    const fit = fitPageCss(paper, contentPx);
    await win.webContents.insertCSS(fit.css);
    return use(win, { widthMm: paper.widthMm, heightMm: fit.heightMm });
  })();
  try {
    return await withTimeout(work, timeoutMs, () =>
      printErrors.timeout({ detail: `slip window did not finish within ${timeoutMs} ms` }),
    );
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

export function createElectronPrintAdapter(options: { timeoutMs?: number } = {}): {
  pdfRenderer: PdfRenderer;
  systemPrint: SystemPrintFn;
} {
  const timeoutMs = options.timeoutMs ?? 20000;

  const pdfRenderer: PdfRenderer = {
    render: (html, paper) =>
      withSlipWindow(html, paper, timeoutMs, async (win, size) => {
        const pdf = await win.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          pageSize: { width: size.widthMm / MM_PER_INCH, height: size.heightMm / MM_PER_INCH },
          margins: { marginType: 'none' },
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      }),
    close: async () => undefined,
  };

  const systemPrint: SystemPrintFn = (job) =>
    withSlipWindow(job.html, job.paper, job.timeoutMs, async (win, size) => {
      const printers = await win.webContents.getPrintersAsync();
      if (!printers.some((p) => p.name === job.deviceName)) {
        throw printErrors.offline({ detail: 'the configured system printer is not installed' });
      }
      await new Promise<void>((resolve, reject) => {
        win.webContents.print(
          {
            silent: true,
            deviceName: job.deviceName,
            printBackground: true,
            margins: { marginType: 'none' },
            pageSize: { width: mmToMicrons(size.widthMm), height: mmToMicrons(size.heightMm) },
          },
          (success, failureReason) =>
            success
              ? resolve()
              : reject(printErrors.offline({ detail: `system print: ${failureReason}` })),
        );
      });
    });

  return { pdfRenderer, systemPrint };
}
