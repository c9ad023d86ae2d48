/**
 * The station's data (database, slips, logs, configuration) holds patients' names and ID numbers
 * or the lookup service's credentials: only the account running the kiosk may read it. Files are
 * created 0600 and folders 0700 from the start (not chmod-ed afterwards), so no other account can
 * open them even for a moment. Folders that already exist keep their mode: an operator who shares
 * one on purpose decides that.
 */
import fs from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** `mkdir -p` whose created folders are 0700 (the mode applies to every folder it creates). */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates an empty 0600 file when none exists. SQLite creates its database 0644 and gives its
 * -wal and -shm files the database's mode, so the database is made here before SQLite opens it.
 */
export function ensurePrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}
