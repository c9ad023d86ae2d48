/**
 * Brings a database to the latest schema at open. All pending steps run in one IMMEDIATE
 * transaction together with the `user_version` bump, so a crash or a failed step leaves the
 * database exactly at its old version; a second process opening at the same time waits on the
 * lock and then finds nothing left to do.
 */
import type Database from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import type { Migration } from './migrations';
import { storeErrors } from './store-errors';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

/**
 * Runs the steps after the database's version. Refuses (STORE_TOO_NEW) a database written by a
 * newer app, without touching it. `file` is only used in messages.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { file: string; logger?: Logger },
): MigrationReport {
  checkOrder(migrations);
  const latest = migrations.length;
  // Checked before taking the write lock too: a newer or up-to-date database is never written.
  const found = schemaVersionOf(db);
  if (found > latest) throw storeErrors.tooNew(found, latest, options.file);
  if (found === latest) return { from: found, to: latest, applied: [] };
  const run = db.transaction((): MigrationReport => {
    const from = schemaVersionOf(db);
    if (from > latest) throw storeErrors.tooNew(from, latest, options.file);
    const pending = migrations.slice(from);
    for (const step of pending) step.up(db);
    if (pending.length > 0) db.pragma(`user_version = ${latest}`);
    return { from, to: latest, applied: pending.map((m) => `${m.version}-${m.name}`) };
  });
  return logMigration(run.immediate(), options.logger);
}

/** One log line when steps ran (both engines). */
export function logMigration(report: MigrationReport, logger: Logger | undefined): MigrationReport {
  if (report.applied.length > 0) {
    logger?.info('store migrated', {
      from: report.from,
      to: report.to,
      steps: report.applied.length,
    });
  }
  return report;
}
