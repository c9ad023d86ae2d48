/**
 * Every schema step, oldest first. A new step is a new file `NNNN-what-it-does.ts` appended here;
 * a released step is never edited (databases in the field have already run it).
 */
import { migration0001 } from './0001-visits-and-queue-counters';
import { migration0002 } from './0002-lookup-cache-outbox-discrepancies';
import { migration0003 } from './0003-print-status-and-anonymisation';
import { migration0004 } from './0004-visit-progress';
import { migration0005 } from './0005-his-outbox-and-lookup-evidence';
import { migration0006 } from './0006-chip-verification';
import { migration0007 } from './0007-offline-visits';
import { migration0008 } from './0008-print-owner';
import { migration0009 } from './0009-chip-acceptance';
import { migration0010 } from './0010-audit-log';
import { migration0011 } from './0011-arrivals';
import { migration0012 } from './0012-face-verification';
import { migration0013 } from './0013-audit-upload';
import { migration0014 } from './0014-visit-guardian';
import { migration0015 } from './0015-recheck-queue';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
