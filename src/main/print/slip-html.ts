/**
 * SlipModel + paper → one self-contained HTML document (fonts, logo and QR inline; no scripts,
 * no network) that prints the same in Chromium (PDF), Electron's printToPDF and silent print.
 * Black on white only: thermal heads dither grey into noise.
 */
import { pageHeightMm, paperSpec, PX_PER_MM, type PaperId, type PaperSpec } from './paper';
import { loadSlipFonts, type SlipFonts } from './slip-assets';
import type { SlipField, SlipModel, SlipQr, SlipText } from './slip-model';

/** The laid-out slip; renderers measure it to size roll paper. */
export const SLIP_ROOT_SELECTOR = '.slip';

/**
 * Evaluated in the page (Playwright or Electron): waits for the embedded fonts, then returns the
 * slip's laid-out height in CSS pixels.
 */
export const MEASURE_SLIP_SCRIPT = `(async () => {
  await document.fonts.ready;
  const el = document.querySelector(${JSON.stringify(SLIP_ROOT_SELECTOR)});
  return el ? Math.ceil(el.getBoundingClientRect().height) : 0;
})()`;

interface Sizes {
  /** body text */
  base: number;
  logo: number;
  qr: number;
  queueMax: number;
}

const SIZES: Record<PaperId, Sizes> = {
  '80mm': { base: 3.7, logo: 11, qr: 24, queueMax: 19 },
  '58mm': { base: 3.3, logo: 9, qr: 22, queueMax: 15 },
  A5: { base: 3.6, logo: 13, qr: 30, queueMax: 26 },
};

/**
 * Advance widths of Noto Sans Bold in em (digits 0.572, capitals up to 0.75, hyphen 0.32),
 * rounded up: the queue number is one unbroken line, so it is sized to the printable width.
 */
function queueEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (/\d/.test(ch)) em += 0.58;
    else if (ch === '-' || ch === '.' || ch === ' ') em += 0.34;
    else if (/[MW]/.test(ch)) em += 0.92;
    else em += 0.72;
  }
  return em;
}

export function queueFontMm(number: string, paper: PaperSpec): number {
  const max = SIZES[paper.id].queueMax;
  const fit = (paper.printableWidthMm * 0.94) / Math.max(queueEm(number), 1);
  return Math.floor(Math.min(max, fit) * 10) / 10;
}

/**
 * CSS a renderer adds once the slip is laid out and measured (MEASURE_SLIP_SCRIPT): rolls get a
 * page exactly as tall as the content; a fixed sheet (A5) whose content would spill onto a second
 * page is scaled down to fit rather than cut.
 */
export function fitPageCss(paper: PaperSpec, contentPx: number): { css: string; heightMm: number } {
  const heightMm = pageHeightMm(paper, contentPx);
  const pagePx = heightMm * PX_PER_MM;
  const zoom =
    paper.heightMm !== null && contentPx > pagePx
      ? Math.floor((pagePx / contentPx) * 1000) / 1000
      : 1;
  const scale = zoom < 1 ? ` ${SLIP_ROOT_SELECTOR} { zoom: ${zoom}; }` : '';
  return { css: `${pageCss(paper, heightMm)}${scale}`, heightMm };
}

/** `@page` for the given height (null before the content is measured). */
export function pageCss(paper: PaperSpec, heightMm: number | null): string {
  const h = paper.heightMm ?? heightMm ?? 297;
  return `@page { size: ${paper.widthMm}mm ${h}mm; margin: 0; }`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function bi(text: SlipText, cls = ''): string {
  const en = text.en ? `<span class="en">${escapeHtml(text.en)}</span>` : '';
  return `<span class="bi ${cls}"><span class="vi">${escapeHtml(text.vi)}</span>${en}</span>`;
}

function fields(rows: SlipField[], cls: string): string {
  return rows
    .map(
      (r) =>
        `<div class="row ${cls}"><div class="label">${bi(r.label)}</div><div class="value">${escapeHtml(r.value)}</div></div>`,
    )
    .join('');
}

export function qrSvg(qr: SlipQr): string {
  const quiet = 4;
  const side = qr.size + 2 * quiet;
  let d = '';
  qr.dark.forEach((row, y) =>
    row.forEach((on, x) => {
      if (on) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }),
  );
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="QR"><rect width="${side}" height="${side}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

function styles(paper: PaperSpec, model: SlipModel, fonts: SlipFonts): string {
  const s = SIZES[paper.id];
  const pad = paper.verticalMarginMm;
  return `
@font-face { font-family: 'Slip Sans'; font-weight: 400; src: url(data:font/ttf;base64,${fonts.regular}) format('truetype'); }
@font-face { font-family: 'Slip Sans'; font-weight: 700; src: url(data:font/ttf;base64,${fonts.bold}) format('truetype'); }
${pageCss(paper, null)}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${paper.widthMm}mm; font-family: 'Slip Sans', sans-serif; font-size: ${s.base}mm; line-height: 1.25;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.slip { width: ${paper.printableWidthMm}mm; margin: 0 auto; padding: ${pad}mm 0;
  overflow-wrap: anywhere; word-break: normal; hyphens: none; }
.bi { display: inline; }
.bi .en { display: block; font-weight: 400; font-size: 0.78em; }
.center { text-align: center; }
.head { display: flex; align-items: center; justify-content: center; gap: 2mm; }
.head img { width: ${s.logo}mm; height: ${s.logo}mm; object-fit: contain; flex: none; }
.hospital { font-weight: 700; font-size: 1.15em; text-align: center; min-width: 0; text-wrap: balance; }
.title { margin-top: 1.5mm; text-align: center; font-weight: 700; font-size: 0.95em; letter-spacing: 0.02em; }
hr { border: 0; border-top: 0.5mm solid #000; margin: 2mm 0; }
hr.thin { border-top-width: 0.25mm; border-top-style: dashed; }
.dept { text-align: center; margin-top: 1.5mm; }
.dept .name { font-weight: 700; font-size: 1.35em; line-height: 1.15; }
.dept .room { font-weight: 700; margin-top: 0.8mm; }
.dept .dir { margin-top: 0.5mm; }
.queue { text-align: center; margin: 1mm 0 0.5mm; }
.queue .label { font-size: 0.9em; }
.queue .number { font-weight: 700; font-size: ${queueFontMm(model.queue.number, paper)}mm; line-height: 1.05;
  white-space: nowrap; letter-spacing: 0; }
.lane { text-align: center; font-weight: 700; padding: 1mm 1.5mm; margin: 1mm 0; border: 0.5mm solid #000; }
.lane.priority { background: #000; color: #fff; font-size: 1.15em; }
.row { display: flex; gap: 2mm; align-items: baseline; padding: 0.4mm 0; }
.row .label { flex: 0 0 ${paper.id === '58mm' ? '40%' : '34%'}; font-size: 0.85em; min-width: 0; }
.row .value { flex: 1 1 auto; min-width: 0; font-weight: 700; }
.row.patient:first-child .value { font-size: 1.15em; }
.notice { border: 0.6mm solid #000; padding: 1mm 1.5mm; margin: 1.2mm 0; font-weight: 700; }
.notice.self-pay, .notice.cancelled, .notice.not-covered, .notice.simulated { background: #000; color: #fff; }
.bottom { display: flex; align-items: center; gap: 3mm; margin-top: 2mm; padding-top: 2mm; border-top: 0.25mm dashed #000; }
.bottom .qr { width: ${s.qr}mm; height: ${s.qr}mm; flex: none; }
.bottom .meta { flex: 1 1 auto; min-width: 0; }
.closing { margin-top: 2mm; text-align: center; font-size: 0.9em; text-wrap: balance; }
.meta .row, .paper-58mm .row { display: block; }
.paper-58mm .row:not(.meta) .value { padding-left: 3mm; }
.meta .row .label { font-size: 0.8em; }
.paper-A5 .row .label { flex-basis: 28%; }
.paper-A5 .details { display: grid; grid-template-columns: 1fr ${s.qr + 6}mm; gap: 6mm; align-items: start; }
.paper-A5 .details .bottom { flex-direction: column; align-items: stretch; margin-top: 0; }
.paper-A5 .details .bottom { border-top: 0; padding-top: 0; }
`;
}

export interface SlipHtmlOptions {
  fonts?: SlipFonts;
}

export function renderSlipHtml(
  model: SlipModel,
  paperId: PaperId,
  options: SlipHtmlOptions = {},
): string {
  const paper = paperSpec(paperId);
  const fonts = options.fonts ?? loadSlipFonts();
  const logo = model.hospital.logoDataUrl
    ? `<img src="${escapeHtml(model.hospital.logoDataUrl)}" alt="">`
    : '';
  const dept = model.department;
  const notices = model.insurance.notices
    .map((n) => `<div class="notice ${n.kind}">${bi(n.text)}</div>`)
    .join('');
  const insurance =
    notices || model.insurance.fields.length
      ? `<hr class="thin"><section class="insurance">${notices}${fields(model.insurance.fields, 'ins')}</section>`
      : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(model.title.vi)} ${escapeHtml(model.queue.number)}</title>
<style>${styles(paper, model, fonts)}</style></head>
<body class="paper-${paper.id}"><main class="slip">
<header><div class="head">${logo}<div class="hospital">${bi(model.hospital.name)}</div></div>
<div class="title">${bi(model.title)}</div></header>
<hr>
<section class="queue"><div class="label">${bi(model.queue.label)}</div><div class="number">${escapeHtml(model.queue.number)}</div></section>
<div class="lane${model.lane.priority ? ' priority' : ''}">${bi(model.lane.label)}</div>
<section class="dept"><div class="name">${bi(dept.name)}</div>${
    dept.room.vi ? `<div class="room">${bi(dept.room)}</div>` : ''
  }${dept.directions ? `<div class="dir">» ${bi(dept.directions)}</div>` : ''}</section>
<hr>
<div class="details"><div class="who">
<section class="patient">${fields(model.patient, 'patient')}</section>
${insurance}
</div>
<section class="bottom">${qrSvg(model.qr)}<div class="meta">${fields(model.footer, 'meta')}</div></section>
</div>
<div class="closing">${bi(model.closing)}</div>
</main></body></html>
`;
}
