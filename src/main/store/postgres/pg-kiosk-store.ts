/**
 * A public kiosk's store on the hospital's server: the same contract and the same check-in as
 * PostgresStore, but every step that reads or writes visits or the caches goes through the
 * kiosk_* functions (migrations 0006 and 0010), because a kiosk's role may not SELECT those tables
 * (../postgres/pg-grants.ts). What a kiosk-mode station asks of the store:
 *
 * - the person's visits today (shown on the choice screen) and the duplicate check,
 * - the queue counter, the visit insert with its re-check, the read-back of that visit,
 * - the print marks of its slip, and its own prints interrupted by the last shutdown,
 * - the identity and lookup caches (one ID at a time), the returning-patient keys, the HIS
 * booking link,
 * - the failed-lookup evidence (a plain INSERT) and the change notification (pg_notify),
 * - the upload of its offline visits (kiosk_import_visit, and INSERT of their re-checks,
 *   evidence and calls).
 *
 * Everything else (lists, cancel, re-checks, purge, calling, HIS hand-off) is staff work that a kiosk
 * never asks for (src/shared/station-access.ts, ../../domain/station-duties.ts); on a kiosk's role
 * the server refuses it with STORE_NOT_PERMITTED.
 */
import type pg from 'pg';
import type {
  CardIdentity,
  InsuranceResult,
  KioskErrorShape,
  PrintStatus,
  Visit,
} from '../../../shared/domain';
import { formatServerQueueNumber } from '../../domain/queue-number';
import { isInterruptedPrint, pidAlive } from '../print-owner';
import { storedResult, visitFromRow, type VisitRow } from '../rows';
import type { CachedLookup, CheckInRequest, CheckInResult } from '../store-contract';
import { inPgTransaction, notifyVisitsChanged } from './pg-pool';
import { NEW_VISIT_COLUMNS, newVisitValues, repeatKey, violatedUnique } from './pg-rows';
import { PostgresStore } from './postgres-store';
import { importOfflineVisitsIn } from './pg-offline-import';
import type { OfflineImportReport, OfflineVisit } from '../offline-visits-contract';
import { randomUUID } from 'node:crypto';

export class PgKioskStore extends PostgresStore {
  override async checkIn(req: CheckInRequest): Promise<CheckInResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write('check-in', async (c) => {
          const key = repeatKey(req);
          const existing = key
            ? await c.query<VisitRow>(
                key.by === 'id'
                  ? 'SELECT * FROM public.kiosk_active_visit($1, $2, $3)'
                  : 'SELECT * FROM public.kiosk_active_visit_of_card($1, $2, $3)',
                [req.date, req.department, key.value],
              )
            : { rows: [] as VisitRow[] };
          if (existing.rows[0]) return { visit: visitFromRow(existing.rows[0]), created: false };
          const counter = await c.query<{ seq: number }>(
            'SELECT public.kiosk_next_queue_seq($1, $2, $3) AS seq',
            [req.date, req.department, req.lane],
          );
          const seq = counter.rows[0]!.seq;
          const id = req.visitId ?? randomUUID();
          const values = newVisitValues(req, {
            id,
            queueSeq: seq,
            queueNumber: formatServerQueueNumber(req.department, req.lane, seq),
          });
          const row = Object.fromEntries(NEW_VISIT_COLUMNS.map((name, i) => [name, values[i]]));
          const inserted = await c.query<VisitRow>(
            'SELECT * FROM public.kiosk_insert_visit_row($1::json, $2)',
            [JSON.stringify(row), req.recheck ? JSON.stringify(req.recheck) : null],
          );
          await notifyVisitsChanged(c, [req.date]);
          return { visit: visitFromRow(inserted.rows[0]!), created: true };
        });
      } catch (err) {
        // Another station checked the same person in a moment earlier (see PostgresStore).
        if (
          violatedUnique(err) !== 'visits_one_active_per_person' ||
          attempt >= this.checkinAttempts
        )
          throw err;
      }
    }
  }

  override async visitsOfPerson(date: string, idNumber: string): Promise<Visit[]> {
    const rows = await this.read<VisitRow>(
      'read visits',
      'SELECT * FROM public.kiosk_visits_of_person($1, $2)',
      [date, idNumber],
    );
    return rows.map(visitFromRow);
  }

  override async recordPrint(
    id: string,
    status: PrintStatus,
    error: KioskErrorShape | null,
    at: string,
  ): Promise<Visit | null> {
    return this.write('record print', async (c) => {
      const owner = status === 'printing' ? this.printRun : null;
      const row = (
        await c.query<VisitRow>('SELECT * FROM public.kiosk_record_print($1, $2, $3, $4, $5, $6)', [
          id,
          status,
          error ? JSON.stringify(error) : null,
          status === 'printed' ? at : null,
          owner?.station ?? null,
          owner?.run ?? null,
        ])
      ).rows[0];
      if (!row) return null;
      await notifyVisitsChanged(c, [row.day]);
      return visitFromRow(row);
    });
  }

  override async failInterruptedPrints(error: KioskErrorShape): Promise<number> {
    return this.write('fail interrupted prints', async (c) => {
      const printing = await c.query<{
        id: string;
        print_station: string | null;
        print_run: string | null;
      }>('SELECT * FROM public.kiosk_printing($1)', [this.printRun.station]);
      const days: string[] = [];
      for (const v of printing.rows) {
        const owner = { station: v.print_station, run: v.print_run };
        if (!isInterruptedPrint(owner, this.printRun, pidAlive)) continue;
        const r = await c.query<{ day: string }>(
          'SELECT public.kiosk_fail_print($1, $2, $3) AS day',
          [v.id, v.print_run, JSON.stringify(error)],
        );
        days.push(...r.rows.map((row) => row.day));
      }
      await notifyVisitsChanged(c, days);
      return days.length;
    });
  }

  override async saveIdentity(identity: CardIdentity, readAt: string): Promise<void> {
    await this.write('cache identity', async (c) => {
      await c.query('SELECT public.kiosk_save_identity($1, $2, $3)', [
        identity.idNumber,
        JSON.stringify(identity),
        readAt,
      ]);
    });
  }

  override async saveLookup(
    idNumber: string,
    result: InsuranceResult,
    fetchedAt: string,
  ): Promise<void> {
    await this.write('cache lookup', async (c) => {
      await c.query('SELECT public.kiosk_save_lookup($1, $2, $3)', [
        idNumber,
        JSON.stringify(storedResult(result)),
        fetchedAt,
      ]);
    });
  }

  /** This kiosk's offline visits, through kiosk_import_visit (./pg-offline-import.ts). */
  override async importOfflineVisits(
    visits: readonly OfflineVisit[],
  ): Promise<OfflineImportReport> {
    return this.write('import offline visits', (c) => importOfflineVisitsIn(c, visits, 'kiosk'));
  }

  protected override get patientKeysSql(): { remember: string; find: string } {
    return {
      remember: 'SELECT public.kiosk_remember_patient($1, $2, $3, $4)',
      find: 'SELECT * FROM public.kiosk_find_patient($1)',
    };
  }

  override async getLookup(idNumber: string): Promise<CachedLookup | null> {
    const rows = await this.read<{ result_json: string; fetched_at: string }>(
      'read lookup cache',
      'SELECT * FROM public.kiosk_lookup($1)',
      [idNumber],
    );
    const row = rows[0];
    return row
      ? { result: JSON.parse(row.result_json) as InsuranceResult, fetchedAt: row.fetched_at }
      : null;
  }
}

/** The HIS booking link through its kiosk function (the kiosk may not read his_outbox). */
export function kioskLinkAppointment(
  pool: pg.Pool,
): (visitId: string, appointmentId: string, at: string) => Promise<void> {
  return async (visitId, appointmentId, at) => {
    await inPgTransaction(pool, 'link appointment', (c) =>
      c.query('SELECT public.kiosk_link_appointment($1, $2, $3)', [visitId, appointmentId, at]),
    );
  };
}
