/**
 * Turns a slip's HTML into PDF bytes. Two implementations: Chromium through Playwright under
 * plain Node (CLI, web host, tests) and Electron's printToPDF (src/main/electron/print-adapter.ts).
 */
import type { PaperId } from './paper';

export interface PdfRenderer {
  /** One page: the paper's width; rolls as tall as the content, A5 210 mm. */
  render(html: string, paper: PaperId): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** What the OS printer path needs (Electron's silent webContents.print). */
export interface SystemPrintJob {
  html: string;
  paper: PaperId;
  /** The OS printer's name (config printer.systemName). */
  deviceName: string;
  timeoutMs: number;
}

/** Resolves when the job was handed to the OS spooler; rejects with a KioskError otherwise. */
export type SystemPrintFn = (job: SystemPrintJob) => Promise<void>;
