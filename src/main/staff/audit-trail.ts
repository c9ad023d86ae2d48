/**
 * Records staff actions in the store's append-only audit trail with the officer signed in, the
 * station, the time and the hospital day. A failed write is logged (code only) and does not
 * undo the action it describes: the action already happened.
 */
import { randomUUID } from 'node:crypto';
import type { AuditRecord, CheckingOfficer } from '../../shared/domain';
import { toErrorShape } from '../../shared/errors';
import { hospitalDay } from '../../shared/hospital-day';
import type { Logger } from '../logging/logger';
import type { AuditTrailStore } from '../store/store-ports';

export interface AuditTrailOptions {
  store: AuditTrailStore;
  stationId: string;
  timeZone: string;
  officer: () => CheckingOfficer | null;
  now: () => Date;
  logger: Logger;
}

export interface AuditTrail {
  /** Records one action; `officer` overrides the signed-in one (sign-in / sign-out). */
  record(entry: AuditRecord, officer?: CheckingOfficer | null, at?: Date): Promise<void>;
}

/** A reason is free text typed by staff: trimmed and bounded, never logged. */
const REASON_MAX = 500;

export function createAuditTrail(o: AuditTrailOptions): AuditTrail {
  const log = o.logger.child({ svc: 'audit' });
  return {
    async record(entry, officer, when) {
      const at = when ?? o.now();
      const who = officer === undefined ? o.officer() : officer;
      try {
        await o.store.audit.append({
          // Given here, before the first try: an entry the server committed without answering
          // is written again on the station's file with the same uid, and uploaded only once.
          uid: randomUUID(),
          at: at.toISOString(),
          day: hospitalDay(at, o.timeZone),
          action: entry.action,
          officerName: who?.name ?? null,
          officerIdNumber: who?.idNumber ?? null,
          stationId: o.stationId,
          visitId: entry.visitId ?? null,
          reason: entry.reason?.trim().slice(0, REASON_MAX) || null,
          detail: entry.detail ?? null,
        });
      } catch (err) {
        log.error('staff action not recorded', {
          action: entry.action,
          code: toErrorShape(err).code,
        });
      }
    },
  };
}
