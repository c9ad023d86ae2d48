/**
 * Renders the check-in slip in its three layouts (80 mm roll, 58 mm roll, A5) from made-up
 * catalog visits, through the same path as the pdf driver (HTML → Chromium PDF), then to PNG
 * with pdftoppm, into docs/slips/. Also writes what an 80 mm ESC/POS printer is sent, decoded
 * as text. Needs /usr/bin/chromium and poppler-utils.
 *
 *   npx tsx scripts/make-slip-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../src/main/config/load-config';
import { createChromiumPdfRenderer } from '../src/main/print/chromium-pdf-renderer';
import { encodeSlip } from '../src/main/print/escpos/encode-slip';
import { PAPERS, type PaperId } from '../src/main/print/paper';
import { defaultLogoDataUrl } from '../src/main/print/slip-assets';
import { buildSlipModel } from '../src/main/print/slip-model';
import { renderSlipPdf } from '../src/main/print/slip-printer';
import { decodeEscpos } from '../tests/support/print/escpos-decoder';
import { sampleVisit } from '../src/sim/sample-visits';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'slips');
const config = parseConfig({ printer: { timeZone: 'Asia/Ho_Chi_Minh' } }, 'docs');

const SHOTS: { paper: PaperId; visit: ReturnType<typeof sampleVisit>; dpi: number }[] = [
  // A typical slip: insured, checked online, standard queue.
  { paper: '80mm', visit: sampleVisit(1), dpi: 200 },
  // The narrowest roll with the longest catalog name, a priority lane and an offline result.
  {
    paper: '58mm',
    visit: sampleVisit(2, { lane: 'pregnant', insuranceSource: 'cache' }),
    dpi: 200,
  },
  // A5 sheet, self-pay.
  { paper: 'A5', visit: sampleVisit(18), dpi: 120 },
];

mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'slip-shots-'));
const renderer = createChromiumPdfRenderer();
try {
  for (const shot of SHOTS) {
    const pdf = join(work, `slip-${shot.paper}.pdf`);
    writeFileSync(pdf, await renderSlipPdf(shot.visit, config, renderer, { paper: shot.paper }));
    const png = join(outDir, `slip-${shot.paper}`);
    execFileSync('pdftoppm', ['-png', '-r', String(shot.dpi), '-singlefile', pdf, png]);
    console.log(`${png}.png`);
  }
  const model = buildSlipModel(sampleVisit(3, { insuranceSource: 'cache' }), config, {
    logoDataUrl: defaultLogoDataUrl(),
  });
  const job = decodeEscpos(encodeSlip(model, PAPERS['80mm']));
  const text = job.items
    .map((i) => {
      if (i.type === 'text') {
        const pad =
          i.align === 'center' ? ' '.repeat(Math.max(0, (48 - i.text.length * i.width) / 2)) : '';
        const marks = [
          i.width > 1 || i.height > 1 ? `x${i.width}/${i.height}` : '',
          i.bold ? 'bold' : '',
          i.reverse ? 'reverse' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return `${pad}${i.text}${marks ? `    [${marks}]` : ''}`;
      }
      if (i.type === 'qr')
        return `[QR model ${i.model}, ${i.moduleDots}-dot modules, level ${i.errorLevel}: "${i.payload}"]`;
      if (i.type === 'cut') return `[cut${i.partial ? ' (partial)' : ''}]`;
      if (i.type === 'feed') return i.lines > 1 ? `[feed ${i.lines}]` : '';
      return `[${i.type}]`;
    })
    .join('\n');
  writeFileSync(join(outDir, 'slip-escpos-80mm.txt'), `${text}\n`);
  console.log(join(outDir, 'slip-escpos-80mm.txt'));
} finally {
  await renderer.close();
  rmSync(work, { recursive: true, force: true });
}
