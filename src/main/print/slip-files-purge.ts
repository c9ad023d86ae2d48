/**
 * Slip PDFs carry the patient's name, so they leave with the rest of the personal data: the `pdf`
 * driver files each slip under its visit's day (`<pdfFolder>/<YYYY-MM-DD>/`), and a day's folder
 * goes whole once the visits of that day are anonymised. Only folders named as a day are touched;
 * anything else an operator put there stays. The report is counts, never names.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SlipFilesPurgeReport {
  slipFilesDeleted: number;
}

const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countFiles(path.join(dir, entry.name));
    else n += 1;
  }
  return n;
}

/** Removes the day folders before `before` (a hospital day, `YYYY-MM-DD`, compared as text). */
export function purgeSlipFiles(folder: string, before: string): SlipFilesPurgeReport {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { slipFilesDeleted: 0 };
    throw err;
  }
  let slipFilesDeleted = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !DAY_FOLDER.test(entry.name) || entry.name >= before) continue;
    const dir = path.join(folder, entry.name);
    slipFilesDeleted += countFiles(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { slipFilesDeleted };
}
