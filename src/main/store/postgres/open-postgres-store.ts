/**
 * Opening the hospital's server for a station: connect (TLS as configured), check the schema
 * (migrate it when the role is the owner's; a station's role is refused an older schema with what
 * to run), and the store for the station's kind: the kiosk's function-only path, a room's
 * columns, the board's view, or the tables (./pg-visit-reads.ts).
 * Its own module so that the store classes do not import each other.
 */
import type pg from 'pg';
import { storeErrors } from '../store-errors';
import { PG_MIGRATIONS } from './migrations';
import { migratePg, pgSchemaVersion } from './pg-migrate';
import { pgCalling } from './pg-calling';
import { PgHisOutbox } from './pg-his-outbox';
import { PgLookupEvidence } from './pg-lookup-evidence';
import { PgAuditLog } from './pg-audit-log';
import { kioskLinkAppointment, PgKioskStore } from './pg-kiosk-store';
import { createPgPool, pgLocation, pgRead } from './pg-pool';
import {
  PostgresStore,
  type PgStationAccess,
  type PgStoreParts,
  type PostgresStoreOptions,
} from './postgres-store';
import { BOARD_READS, ROOM_READS, TABLE_READS } from './pg-visit-reads';

export type { PostgresStoreOptions } from './postgres-store';

/** The parts that live in their own modules, on the store's pool. */
function partsFor(pool: pg.Pool, access: PgStationAccess): PgStoreParts {
  const hisOutbox = new PgHisOutbox(pool);
  if (access === 'kiosk') hisOutbox.linkAppointment = kioskLinkAppointment(pool);
  // A room reads a room's columns, a display the board's view: all their roles may read.
  const visitReads =
    access === 'room' ? ROOM_READS : access === 'display' ? BOARD_READS : TABLE_READS;
  return {
    hisOutbox,
    lookupEvidence: new PgLookupEvidence(pool),
    audit: new PgAuditLog(pool),
    calling: pgCalling(pool, visitReads),
    visitReads,
  };
}

/** Whether the connected role may create tables (the owner, or a superuser). */
async function mayChangeSchema(pool: pg.Pool): Promise<boolean> {
  const [row] = await pgRead<{ may: boolean }>(
    pool,
    'schema rights',
    "SELECT has_schema_privilege('public', 'CREATE') AS may",
  );
  return row?.may ?? false;
}

/**
 * Connects to the server and brings its schema up to date (STORE_UNREACHABLE, STORE_DENIED,
 * STORE_TOO_NEW...); its `migration` says what this opening did.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = createPgPool(options);
  try {
    const migrations = options.migrations ?? PG_MIGRATIONS;
    // A station's role may not change the schema (only the owner, `store migrate`): an older
    // schema is refused with what to run, rather than a permission error halfway through.
    const found = await pgSchemaVersion(pool);
    if (found < migrations.length && !(await mayChangeSchema(pool))) {
      throw storeErrors.migrationPending(found, migrations.length, pgLocation(pool));
    }
    const migration = await migratePg(pool, migrations, { logger: options.logger });
    const access = options.access ?? 'tables';
    const Store = access === 'kiosk' ? PgKioskStore : PostgresStore;
    return new Store(pool, partsFor(pool, access), migration, options.printRun);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
