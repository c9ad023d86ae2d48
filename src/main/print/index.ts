/** The slip printer's public surface (issue: check-in slip). */
export { createSlipPrinter, renderSlipPdf, type SlipPrinterOptions } from './slip-printer';
export type { PdfRenderer, SystemPrintFn, SystemPrintJob } from './pdf-renderer';
export { buildSlipModel, maskCardNumber, type SlipModel } from './slip-model';
export { renderSlipHtml, MEASURE_SLIP_SCRIPT, fitPageCss } from './slip-html';
export {
  PAPERS,
  paperSpec,
  pageHeightMm,
  mmToMicrons,
  type PaperId,
  type PaperSpec,
} from './paper';
export { printErrors } from './print-errors';
