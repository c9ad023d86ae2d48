/**
 * The three slip papers. Thermal rolls have no fixed height: the page is as long as the slip's
 * content, measured after layout. Widths are what the print head reaches, not the roll's width.
 */
export type PaperId = '80mm' | '58mm' | 'A5';

export interface PaperSpec {
  id: PaperId;
  /** Physical sheet or roll width. */
  widthMm: number;
  /** Fixed sheet height; null for rolls (the content decides). */
  heightMm: number | null;
  /** Width the print head reaches, centred on the paper. */
  printableWidthMm: number;
  /** Margin above and below the content. */
  verticalMarginMm: number;
  /** ESC/POS: characters per line in font A (12 x 24 dots) and dots per line. */
  escposColumns: number;
  escposDots: number;
}

export const PAPERS: Record<PaperId, PaperSpec> = {
  '80mm': {
    id: '80mm',
    widthMm: 80,
    heightMm: null,
    printableWidthMm: 72,
    verticalMarginMm: 3,
    escposColumns: 48,
    escposDots: 576,
  },
  '58mm': {
    id: '58mm',
    widthMm: 58,
    heightMm: null,
    printableWidthMm: 48,
    verticalMarginMm: 3,
    escposColumns: 32,
    escposDots: 384,
  },
  A5: {
    id: 'A5',
    widthMm: 148,
    heightMm: 210,
    printableWidthMm: 128,
    verticalMarginMm: 8,
    escposColumns: 48,
    escposDots: 576,
  },
};

export function paperSpec(id: PaperId): PaperSpec {
  return PAPERS[id];
}

export const PX_PER_MM = 96 / 25.4;

/** Page height for a slip whose laid-out content is `contentPx` CSS pixels tall. */
export function pageHeightMm(paper: PaperSpec, contentPx: number): number {
  if (paper.heightMm !== null) return paper.heightMm;
  // Round up to whole millimetres so the last line is never cut by a rounding error.
  return Math.ceil(contentPx / PX_PER_MM + 2 * paper.verticalMarginMm);
}

export function mmToMicrons(mm: number): number {
  return Math.round(mm * 1000);
}
