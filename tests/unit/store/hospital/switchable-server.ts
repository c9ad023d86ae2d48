/**
 * Test stand-in for the hospital's server in the failover unit tests: a second SQLite store that
 * can be "unplugged" (every call then fails with STORE_UNREACHABLE, as the PostgreSQL store's do)
 * and that imports offline visits by id. The real server is exercised by
 * tests/integration/store/offline-failover.test.ts on a real PostgreSQL cluster.
 */
import path from 'node:path';
import { kioskError } from '../../../../src/shared/errors';
import type { ServerStore } from '../../../../src/main/store/hospital/server-link';
import type { CheckInRequest } from '../../../../src/main/store/store-contract';
import type {
  OfflineImportReport,
  OfflineVisit,
} from '../../../../src/main/store/offline-visits-contract';
import { openSqliteStore, type SqliteStore } from '../../../../src/main/store/sqlite/sqlite-store';
import { tempDir } from '../../checkin/fakes';

export interface SwitchableServer {
  store: ServerStore;
  inner: SqliteStore;
  down: boolean;
  /** The next import commits and then "loses the connection" before answering. */
  loseAnswerOfNextImport: boolean;
  imports: number;
}

const unreachable = () =>
  kioskError('STORE_UNREACHABLE', 'Không kết nối được', 'Cannot reach the server', {
    retryable: true,
  });

function importInto(inner: SqliteStore, visits: readonly OfflineVisit[]): OfflineImportReport {
  const db = inner.database;
  const report: OfflineImportReport = { imported: [], alreadyThere: [], alsoCheckedInOnline: [] };
  db.transaction(() => {
    for (const { visit: v, rechecks, firstCalledAt, calledRoom, progressState } of visits) {
      if (db.prepare('SELECT 1 FROM visits WHERE id = ?').get(v.id)) {
        report.alreadyThere.push(v.id);
        continue;
      }
      const other = db
        .prepare(
          `SELECT 1 FROM visits WHERE day = ? AND department = ? AND patient_id_number = ?
           AND status = 'active'`,
        )
        .get(v.date, v.department, v.patient.idNumber);
      if (other && v.status === 'active') report.alsoCheckedInOnline.push(v.id);
      db.prepare(
        `INSERT INTO queue_counters (day, station_id, department, lane, last_seq)
         VALUES (?, ?, ?, ?, 1) ON CONFLICT DO NOTHING`,
      ).run(v.date, v.stationId, v.department, v.lane);
      db.prepare(
        `INSERT INTO visits (id, day, station_id, department, lane, queue_seq, queue_number,
           patient_id_number, patient_name, patient_dob, patient_sex, identity_source,
           insurance_json, created_at, status, cancelled_reason, print_status, print_error_json,
           progress, progress_room, progress_at, call_count, first_called_at, called_room,
           offline)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      ).run(
        v.id,
        v.date,
        v.stationId,
        v.department,
        v.lane,
        v.queueSeq,
        v.queueNumber,
        v.patient.idNumber,
        v.patient.fullName,
        v.patient.dateOfBirth,
        v.patient.sex,
        v.identitySource,
        JSON.stringify(v.insurance),
        v.createdAt,
        v.status,
        v.cancelledReason,
        v.printStatus,
        v.printError ? JSON.stringify(v.printError) : null,
        progressState,
        v.progress?.room ?? null,
        v.progress?.at ?? null,
        v.progress?.calls ?? 0,
        firstCalledAt,
        calledRoom,
      );
      for (const r of rechecks) {
        db.prepare(
          `INSERT INTO recheck_queue (visit_id, query_json, attempts, next_attempt_at, last_error,
             created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(v.id, JSON.stringify(r.query), r.attempts, r.nextAttemptAt, r.lastError, r.createdAt);
      }
      report.imported.push(v.id);
    }
  })();
  return report;
}

export function openSwitchableServer(): SwitchableServer {
  const inner = openSqliteStore({ file: path.join(tempDir('kiosk-server-'), 'server.sqlite') });
  // The server keeps both visits of a person checked in online and offline (the upload reports
  // them); only its check-in refuses a second active visit, as PostgreSQL's does.
  inner.database.exec('DROP INDEX visits_one_active_per_person');
  const state: SwitchableServer = {
    inner,
    down: false,
    loseAnswerOfNextImport: false,
    imports: 0,
    store: undefined as unknown as ServerStore,
  };
  state.store = new Proxy(inner as unknown as ServerStore, {
    get(target, prop, receiver) {
      if (prop === 'importOfflineVisits') {
        return async (visits: readonly OfflineVisit[]) => {
          if (state.down) throw unreachable();
          state.imports += 1;
          const report = importInto(inner, visits);
          if (state.loseAnswerOfNextImport) {
            state.loseAnswerOfNextImport = false;
            throw unreachable();
          }
          return report;
        };
      }
      if (prop === 'checkIn') {
        // The server's numbers carry no station (`KHAM-T-004` on PostgreSQL); here they carry
        // "SRV" so that they cannot meet the station's offline numbers in SQLite's unique key.
        return async (req: CheckInRequest) => {
          if (state.down) throw unreachable();
          return inner.checkIn({ ...req, stationId: 'SRV' });
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || prop === 'close') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        if (state.down) throw unreachable();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return state;
}
