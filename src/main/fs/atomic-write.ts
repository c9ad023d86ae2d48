/**
 * Files other programs read (configuration, CSV exports, slips, photos) are written next to
 * their target, flushed, then renamed over it: a reader or a crash sees the old file or the new
 * one, never half of one. Failures are thrown as they come; callers turn them into their own
 * typed errors. Files are 0600 unless the caller asks otherwise: most hold personal data.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './private-files';

/** A hidden temp name in the target's folder (rename is atomic only within one file system). */
export function atomicTempPath(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

export function writeFileAtomicSync(
  file: string,
  data: string | Uint8Array,
  options: { mode?: number } = {},
): void {
  const tmp = atomicTempPath(file);
  try {
    const fd = fs.openSync(tmp, 'wx', options.mode ?? PRIVATE_FILE_MODE);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
