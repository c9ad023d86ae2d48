/**
 * Slip printing: time from "visit committed" (a Visit in hand) to the slip's bytes handed to the
 * printer, per driver, median of repeated runs:
 *   html    — model + self-contained HTML (what every HTML path starts with)
 *   pdf     — HTML → PDF in an already running Chromium → file written atomically (pdf driver)
 *   escpos  — model → ESC/POS bytes → loopback TCP fake printer, status query before and after
 * plus the pdf driver's first slip with a cold Chromium start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/main/config/load-config';
import { nullLogger } from '../src/main/logging/logger';
import { createChromiumPdfRenderer } from '../src/main/print/chromium-pdf-renderer';
import { encodeSlip } from '../src/main/print/escpos/encode-slip';
import { PAPERS } from '../src/main/print/paper';
import { loadSlipLogo } from '../src/main/print/slip-assets';
import { renderSlipHtml } from '../src/main/print/slip-html';
import { buildSlipModel } from '../src/main/print/slip-model';
import { createSlipPrinter } from '../src/main/print/slip-printer';
import { startFakeEscposPrinter } from '../tests/support/print/fake-escpos-printer';
import { sampleVisit } from '../src/sim/sample-visits';
import type { Report } from './report';

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export default async function (report: Report): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-print-'));
  const visits = Array.from({ length: 23 }, (_, i) => sampleVisit(i + 1));
  const visit = (i: number) => visits[i % visits.length]!;
  try {
    const config = parseConfig({}, 'bench');

    const html: number[] = [];
    for (let i = 0; i < 300; i++) {
      html.push(
        await time(() =>
          renderSlipHtml(
            buildSlipModel(visit(i), config, { logoDataUrl: loadSlipLogo(config, dataDir) }),
            '80mm',
          ),
        ),
      );
    }
    report.samples('html.80mm', html.slice(20), 'ms');
    const model = buildSlipModel(visit(0), config, { logoDataUrl: null });
    report.figure('html.bytes', renderSlipHtml(model, '80mm').length, 'bytes');
    report.figure('escpos.bytes', encodeSlip(model, PAPERS['80mm']).length, 'bytes');

    for (const paper of ['80mm', 'A5'] as const) {
      const cold = createSlipPrinter({
        config: parseConfig({ printer: { driver: 'pdf', paper } }, 'bench'),
        dataDir,
        logger: nullLogger,
      });
      report.figure(`pdf.${paper}.cold-start`, await time(() => cold.print(visit(0))), 'ms');
      await cold.close();

      const renderer = createChromiumPdfRenderer();
      const pdf = createSlipPrinter({
        config: parseConfig({ printer: { driver: 'pdf', paper } }, 'bench'),
        dataDir,
        logger: nullLogger,
        pdfRenderer: renderer,
      });
      await pdf.print(visit(0));
      const warm: number[] = [];
      for (let i = 0; i < 25; i++) warm.push(await time(() => pdf.print(visit(i))));
      report.samples(`pdf.${paper}.warm-chromium`, warm, 'ms');
      await pdf.close();
      await renderer.close();
    }

    const printer = await startFakeEscposPrinter({ mode: 'ok' });
    const escpos = createSlipPrinter({
      config: parseConfig(
        { printer: { driver: 'escpos', escpos: { host: printer.host, port: printer.port } } },
        'bench',
      ),
      dataDir,
      logger: nullLogger,
    });
    const tcp: number[] = [];
    for (let i = 0; i < 200; i++) {
      const outcome = await escpos.print(visit(i));
      if (outcome.status !== 'printed') throw new Error(`escpos: ${outcome.error?.code}`);
    }
    for (let i = 0; i < 200; i++) tcp.push(await time(() => escpos.print(visit(i))));
    report.samples('escpos.80mm.tcp-fake-printer', tcp, 'ms');
    await escpos.close();
    await printer.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
