/**
 * PdfRenderer on Debian's Chromium through playwright-core, for the CLI, the web host and tests.
 * The browser and one page are started on first use and kept warm (a new page costs ~200 ms, a
 * warm one ~50 ms per slip); slips are rendered one at a time on it. A page or browser that
 * fails is dropped and replaced on the next slip.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Logger } from '../logging/logger';
import { nullLogger } from '../logging/logger';
import { paperSpec, type PaperId } from './paper';
import type { PdfRenderer } from './pdf-renderer';
import { printErrors, withTimeout } from './print-errors';
import { fitPageCss, MEASURE_SLIP_SCRIPT } from './slip-html';

export interface ChromiumPdfRendererOptions {
  executablePath?: string;
  /** Per slip, launch included. */
  timeoutMs?: number;
  logger?: Logger;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function createChromiumPdfRenderer(options: ChromiumPdfRendererOptions = {}): PdfRenderer {
  const timeoutMs = options.timeoutMs ?? 20000;
  const logger = options.logger ?? nullLogger;
  let browser: Promise<Browser> | null = null;
  let warmPage: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function getBrowser(): Promise<Browser> {
    if (!browser) {
      const launching = chromium
        .launch({
          executablePath: options.executablePath ?? chromiumPath(),
          args: CHROMIUM_ARGS,
          timeout: timeoutMs,
        })
        .then((b) => {
          // A crashed or killed browser is replaced on the next slip.
          b.on('disconnected', () => {
            if (browser === launching) {
              browser = null;
              warmPage = null;
            }
          });
          return b;
        });
      launching.catch(() => {
        if (browser === launching) browser = null;
      });
      browser = launching;
    }
    return browser;
  }

  function getPage(): Promise<Page> {
    if (!warmPage) {
      const opening = getBrowser().then((b) => b.newPage());
      opening.catch(() => {
        if (warmPage === opening) warmPage = null;
      });
      warmPage = opening;
    }
    return warmPage;
  }

  async function renderOnce(html: string, paperId: PaperId): Promise<Uint8Array> {
    const paper = paperSpec(paperId);
    const page = await getPage();
    try {
      // Replaces the whole document, including the previous slip's page-size style.
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      const contentPx = Number(await page.evaluate(MEASURE_SLIP_SCRIPT));
      const { css, heightMm } = fitPageCss(paper, contentPx);
      await page.addStyleTag({ content: css });
      const pdf = await page.pdf({
        width: `${paper.widthMm}mm`,
        height: `${heightMm}mm`,
        printBackground: true,
        preferCSSPageSize: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (err) {
      // Unknown state (crashed, hung, half-loaded): start from a fresh page next time.
      warmPage = null;
      void page.close().catch(() => undefined);
      throw err;
    }
  }

  function serialized(html: string, paperId: PaperId): Promise<Uint8Array> {
    const job = queue.then(() => renderOnce(html, paperId));
    queue = job.catch(() => undefined);
    return job;
  }

  return {
    async render(html, paperId) {
      if (closed) throw printErrors.renderFailed({ detail: 'renderer closed' });
      try {
        return await withTimeout(serialized(html, paperId), timeoutMs, () => {
          // Closing the hung page rejects whatever it was doing, so the queue moves on.
          const hung = warmPage;
          warmPage = null;
          void hung?.then((p) => p.close()).catch(() => undefined);
          return printErrors.timeout({ detail: `PDF rendering took longer than ${timeoutMs} ms` });
        });
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('PRINT_')) throw err;
        logger.warn('chromium pdf render failed', { error: (err as Error).name });
        throw printErrors.renderFailed({
          detail: `chromium: ${(err as Error).message.split('\n')[0]}`,
          cause: err,
        });
      }
    },
    async close() {
      closed = true;
      await queue;
      const b = browser;
      browser = null;
      warmPage = null;
      if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
