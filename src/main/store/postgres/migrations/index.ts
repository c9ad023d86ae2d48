/**
 * Every PostgreSQL schema step, oldest first (numbered apart from SQLite's: a station's file and
 * the hospital's server have their own histories). A new step is a new file
 * `NNNN-what-it-does.ts` appended here; a released step is never edited.
 */
import { pgMigration0001 } from './0001-core';
import { pgMigration0002 } from './0002-offline-visits';
import { pgMigration0003 } from './0003-calling-his-evidence';
import { pgMigration0004 } from './0004-print-owner';
import { pgMigration0005 } from './0005-chip-acceptance';
import { pgMigration0006 } from './0006-kiosk-functions';
import { pgMigration0007 } from './0007-audit-log';
import { pgMigration0008 } from './0008-arrivals';
import { pgMigration0009 } from './0009-face-verification';
import { pgMigration0010 } from './0010-kiosk-functions-new-columns';
import { pgMigration0011 } from './0011-audit-uid';
import { pgMigration0012 } from './0012-board-visits';
import { pgMigration0013 } from './0013-visit-guardian';
import { pgMigration0014 } from './0014-recheck-queue';
import type { PgMigration } from './pg-migration';

export type { PgMigration } from './pg-migration';

export const PG_MIGRATIONS: readonly PgMigration[] = [
  pgMigration0001,
  pgMigration0002,
  pgMigration0003,
  pgMigration0004,
  pgMigration0005,
  pgMigration0006,
  pgMigration0007,
  pgMigration0008,
  pgMigration0009,
  pgMigration0010,
  pgMigration0011,
  pgMigration0012,
  pgMigration0013,
  pgMigration0014,
];

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS.length;
