/** The `pdf` driver's files: `<pdfFolder>/<YYYY-MM-DD>/<queueNumber>.pdf`, written atomically. */
import { atomicTempPath } from '../../fs/atomic-write';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../fs/private-files';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Visit } from '../../../shared/domain';
import { printErrors } from '../print-errors';

export function slipPdfPath(folder: string, visit: Pick<Visit, 'date' | 'queueNumber'>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(visit.date)) throw printErrors.badInput('visit date');
  // Queue numbers are station/department/lane codes and digits; anything else cannot escape.
  const name = visit.queueNumber.replace(/[^A-Za-z0-9_-]/g, '_');
  return path.join(folder, visit.date, `${name}.pdf`);
}

/**
 * Temp file in the same folder, fsync, rename: a reader (or a crash) sees the old slip or the
 * new one, never half a PDF. A reprint replaces the file the same way. A slip carries the
 * patient's name: 0600 in 0700 folders.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = atomicTempPath(file);
  try {
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const handle = await open(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).name;
    throw printErrors.fileFailed({ detail: `write slip pdf: ${code}`, cause: err });
  }
}
