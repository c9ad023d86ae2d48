/**
 * Opens the station's SQLite file with the settings the store relies on:
 * - WAL: readers never block the writer, and a crash leaves the last committed state.
 * - synchronous=FULL: every commit is on disk before it returns. In WAL mode NORMAL can lose the
 *   last commits on power loss (not on a process crash); a lost commit here would be a queue
 *   number already printed on a slip and then handed out again after the reboot. A check-in is
 *   rare (seconds apart), so one fsync per commit costs nothing people notice (see the bench).
 * - foreign_keys, and busy_timeout so that a second process writing waits instead of failing.
 * - secure_delete: purged personal data is overwritten, not left in free pages.
 * Then the migrations run (see ../migrate.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from '../../fs/private-files';
import type { Logger } from '../../logging/logger';
import { migrate } from '../migrate';
import { MIGRATIONS, type Migration } from '../migrations';
import { storeErrors, toStoreError } from '../store-errors';

export interface OpenDatabaseOptions {
  file: string;
  /** How long a write waits for another process's lock before STORE_LOCKED. */
  busyTimeoutMs?: number;
  /** FULL unless a benchmark wants to compare. */
  synchronous?: 'FULL' | 'NORMAL';
  logger?: Logger;
  /** The schema steps to run; all of them unless a test builds an older database. */
  migrations?: readonly Migration[];
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

function writable(target: string): NodeJS.ErrnoException | null {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return null;
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

/** SQLite says "cannot open" for several reasons; a read-only place gets its own message. */
function explainOpenFailure(err: unknown, file: string): Error {
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) {
    const denied = writable(fs.existsSync(file) ? file : path.dirname(file));
    if (denied && ['EROFS', 'EACCES', 'EPERM'].includes(denied.code ?? '')) {
      return storeErrors.readOnly({ detail: `open: ${code} (${denied.code})`, cause: err });
    }
  }
  return toStoreError(err, 'open', file);
}

export function openDatabase(options: OpenDatabaseOptions): Database.Database {
  const { file } = options;
  try {
    ensurePrivateDir(path.dirname(file));
  } catch (err) {
    throw toStoreError(err, 'create data folder', file);
  }
  try {
    ensurePrivateFile(file);
  } catch (err) {
    throw explainOpenFailure(err, file);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (err) {
    throw explainOpenFailure(err, file);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    migrate(db, options.migrations ?? MIGRATIONS, { file, logger: options.logger });
    return db;
  } catch (err) {
    db.close();
    throw explainOpenFailure(err, file);
  }
}
