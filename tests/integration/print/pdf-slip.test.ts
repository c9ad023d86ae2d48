import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  createChromiumPdfRenderer,
} from '../../../src/main/print/chromium-pdf-renderer';
import { PAPERS, PX_PER_MM, type PaperId } from '../../../src/main/print/paper';
import type { PdfRenderer } from '../../../src/main/print/pdf-renderer';
import { defaultLogoDataUrl } from '../../../src/main/print/slip-assets';
import { fitPageCss, MEASURE_SLIP_SCRIPT, renderSlipHtml } from '../../../src/main/print/slip-html';
import { buildSlipModel } from '../../../src/main/print/slip-model';
import { createSlipPrinter, renderSlipPdf } from '../../../src/main/print/slip-printer';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';
import { printConfig, tempDataDir } from './support';

const NO_CHROMIUM = !existsSync(chromiumPath());
const PAPER_IDS: PaperId[] = ['80mm', '58mm', 'A5'];
const PT_PER_MM = 72 / 25.4;

function pdfInfo(file: string): { pages: number; widthMm: number; heightMm: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(out)![1]),
    widthMm: Number(size[1]) / PT_PER_MM,
    heightMm: Number(size[2]) / PT_PER_MM,
  };
}

// Skipped only where Debian's Chromium (/usr/bin/chromium or $CHROMIUM_PATH) is not installed.
describe.skipIf(NO_CHROMIUM)('slip PDF in Chromium', () => {
  let renderer: PdfRenderer;
  const dir = tempDataDir();
  const config = printConfig({});

  beforeAll(() => {
    renderer = createChromiumPdfRenderer();
  });
  afterAll(async () => {
    await renderer.close();
  });

  for (const paper of PAPER_IDS) {
    it(`${paper}: one page of the paper's width, queue number and hospital name as text, renders to PNG`, async () => {
      // The longest catalog name, a priority lane, offline insurance: the fullest slip.
      const visit = sampleVisit(2, {
        lane: 'elderly',
        insuranceSource: 'cache',
        stale: true,
        queueSeq: 999,
      });
      const pdf = await renderSlipPdf(visit, config, renderer, { paper, dataDir: dir });
      const file = path.join(dir, `slip-${paper}.pdf`);
      writeFileSync(file, pdf);

      const info = pdfInfo(file);
      expect(info.pages).toBe(1);
      expect(Math.abs(info.widthMm - PAPERS[paper].widthMm)).toBeLessThan(0.6);
      if (paper === 'A5') expect(Math.abs(info.heightMm - 210)).toBeLessThan(0.6);
      else expect(info.heightMm).toBeGreaterThan(100);

      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(visit.queueNumber);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Bệnh viện Đa khoa Mô phỏng');
      expect(flat).toContain('Kết quả BHYT ngoại tuyến');
      expect(text).not.toContain(visit.patient.idNumber);

      execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', file, path.join(dir, paper)]);
      const png = readFileSync(path.join(dir, `${paper}.png`));
      // PNG IHDR width: the page width at 100 dpi.
      const widthPx = png.readUInt32BE(16);
      expect(Math.abs(widthPx - (PAPERS[paper].widthMm / 25.4) * 100)).toBeLessThanOrEqual(2);
    });
  }

  describe('nothing overflows the printable width', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const paper of PAPER_IDS) {
      it(`${paper}: every catalog identity, longest queue number`, async () => {
        const page = await browser.newPage();
        const scaled: number[] = [];
        const limitPx = PAPERS[paper].printableWidthMm * PX_PER_MM + 0.5;
        for (const identity of SIM_IDENTITIES) {
          const visit = sampleVisit(identity.index, {
            insuranceSource: 'cache',
            stale: true,
            queueSeq: 999,
            lane: 'disability',
          });
          const model = buildSlipModel(visit, config, { logoDataUrl: defaultLogoDataUrl() });
          await page.setContent(renderSlipHtml(model, paper));
          const heightPx = Number(await page.evaluate(MEASURE_SLIP_SCRIPT));
          const m = await page.evaluate(() => {
            const slip = document.querySelector('.slip')!;
            const box = slip.getBoundingClientRect();
            let worst = 0;
            let worstTag = '';
            for (const el of slip.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              const over = Math.max(r.right - box.right, box.left - r.left);
              if (r.width > 0 && over > worst) {
                worst = over;
                worstTag = `${el.tagName}.${el.className}`;
              }
            }
            return { scrollWidth: slip.scrollWidth, width: box.width, worst, worstTag };
          });
          expect(m.scrollWidth, `${paper} identity ${identity.index}`).toBeLessThanOrEqual(limitPx);
          expect(m.width).toBeLessThanOrEqual(limitPx);
          expect(m.worst, `${paper} identity ${identity.index}: ${m.worstTag}`).toBeLessThanOrEqual(
            0.5,
          );
          if (paper === 'A5') {
            // Spill-over is scaled to fit the sheet (fitPageCss); it must then fit, and rarely.
            await page.addStyleTag({ content: fitPageCss(PAPERS.A5, heightPx).css });
            const fitted = Number(await page.evaluate(MEASURE_SLIP_SCRIPT)) / PX_PER_MM;
            expect(fitted, `A5 identity ${identity.index}`).toBeLessThanOrEqual(210);
            scaled.push(heightPx / PX_PER_MM);
          }
        }
        await page.close();
        // Even the fullest slip (offline + stale + not covered) is scaled by no more than 10 %.
        if (paper === 'A5') expect(Math.max(...scaled)).toBeLessThanOrEqual(210 / 0.9);
      });
    }
  });

  describe('pdf driver', () => {
    it('writes <pdfFolder>/<date>/<queueNumber>.pdf atomically and replaces it on reprint', async () => {
      const dataDir = tempDataDir();
      const { logger } = createMemoryLogger();
      const slip = createSlipPrinter({
        config: printConfig({ driver: 'pdf', paper: '58mm' }),
        dataDir,
        logger,
        pdfRenderer: renderer,
      });
      const visit = sampleVisit(1);
      expect(await slip.print(visit)).toEqual({
        visitId: visit.id,
        status: 'printed',
        error: null,
      });
      const folder = path.join(dataDir, 'slips', '2026-11-23');
      expect(readdirSync(folder)).toEqual(['K01-KHAM-001.pdf']);
      const first = readFileSync(path.join(folder, 'K01-KHAM-001.pdf'));
      expect(first.subarray(0, 5).toString()).toBe('%PDF-');
      expect(first.subarray(-8).toString()).toContain('%%EOF');

      const reprint = await slip.print({
        ...visit,
        insurance: { ...visit.insurance, source: 'cache', cachedAt: '2026-11-22T09:00:00.000Z' },
      });
      expect(reprint.status).toBe('printed');
      // Still one file, no temp files left behind.
      expect(readdirSync(folder)).toEqual(['K01-KHAM-001.pdf']);
      const text = execFileSync('pdftotext', [path.join(folder, 'K01-KHAM-001.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('ngoại tuyến');
      await slip.close();
    });

    it('a folder that cannot be written: failed outcome PRINT_FILE_FAILED, no partial file', async () => {
      const dataDir = tempDataDir();
      // A file where the day's folder should be.
      mkdirSync(path.join(dataDir, 'slips'));
      writeFileSync(path.join(dataDir, 'slips', '2026-11-23'), 'not a folder');
      const slip = createSlipPrinter({
        config: printConfig({ driver: 'pdf' }),
        dataDir,
        logger: createMemoryLogger().logger,
        pdfRenderer: renderer,
      });
      const visit = sampleVisit(1);
      const before = structuredClone(visit);
      const outcome = await slip.print(visit);
      expect(outcome).toMatchObject({
        visitId: visit.id,
        status: 'failed',
        error: { code: 'PRINT_FILE_FAILED', retryable: true },
      });
      expect(visit).toEqual(before);
      expect(readdirSync(path.join(dataDir, 'slips'))).toEqual(['2026-11-23']);
    });

    it('the Chromium renderer is started by the printer itself when none is given', async () => {
      const dataDir = tempDataDir();
      const slip = createSlipPrinter({
        config: printConfig({ driver: 'pdf', paper: 'A5' }),
        dataDir,
        logger: createMemoryLogger().logger,
      });
      expect((await slip.print(sampleVisit(3))).status).toBe('printed');
      await slip.close();
      expect(existsSync(path.join(dataDir, 'slips', '2026-11-23', 'K01-KHAM-U-003.pdf'))).toBe(
        true,
      );
    });
  });
});

describe('print failures never throw and never touch the visit', () => {
  it('renderer failure: failed outcome with the error', async () => {
    const broken: PdfRenderer = {
      render: () => Promise.reject(new Error('boom')),
      close: () => Promise.resolve(),
    };
    const slip = createSlipPrinter({
      config: printConfig({ driver: 'pdf' }),
      dataDir: tempDataDir(),
      logger: createMemoryLogger().logger,
      pdfRenderer: broken,
    });
    const visit = sampleVisit(4);
    const outcome = await slip.print(visit);
    expect(outcome).toMatchObject({
      visitId: visit.id,
      status: 'failed',
      error: { code: 'PRINT_RENDER_FAILED' },
    });
    expect(visit.printStatus).toBe('not-printed');
  });

  it("'system' under plain Node: PRINT_UNAVAILABLE", async () => {
    const slip = createSlipPrinter({
      config: printConfig({ driver: 'system', systemName: 'Desk_Printer' }),
      dataDir: tempDataDir(),
      logger: createMemoryLogger().logger,
    });
    const outcome = await slip.print(sampleVisit(1));
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'PRINT_UNAVAILABLE' } });
  });

  it("'system' hands the HTML, paper and printer name to the injected print function", async () => {
    const jobs: unknown[] = [];
    const slip = createSlipPrinter({
      config: printConfig({ driver: 'system', systemName: 'Desk_Printer', paper: '58mm' }),
      dataDir: tempDataDir(),
      logger: createMemoryLogger().logger,
      systemPrint: async (job) => {
        jobs.push({ ...job, html: job.html.includes('K01-KHAM-001') });
      },
    });
    expect((await slip.print(sampleVisit(1))).status).toBe('printed');
    expect(jobs).toEqual([
      { html: true, paper: '58mm', deviceName: 'Desk_Printer', timeoutMs: 20000 },
    ]);
  });

  it("'none': not printed, no error", async () => {
    const slip = createSlipPrinter({
      config: printConfig({ driver: 'none' }),
      dataDir: tempDataDir(),
      logger: createMemoryLogger().logger,
    });
    expect(await slip.print(sampleVisit(1))).toEqual({
      visitId: 'sim-visit-01',
      status: 'not-printed',
      error: null,
    });
  });
});
