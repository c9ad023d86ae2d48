/**
 * Staff actions at the desk: each needs a signed-in officer (staff.signInRequired), counts as the
 * officer's activity, and is recorded in the audit trail once it succeeded. Actions taken for the
 * person on screen before their visit exists (manual identity, override, accepting an unverified
 * chip) are held and recorded with the visit's id when the check-in ends in one — or without a
 * visit when that person is dropped — so that the visit's history shows them.
 */
import type { AuditRecord, CheckinState, CheckingOfficer } from '../../shared/domain';
import type { CheckinService } from '../services-contract';
import type { AuditTrail } from './audit-trail';
import type { OfficerSessions } from './officer-sessions';

interface Held {
  record: AuditRecord;
  officer: CheckingOfficer | null;
  at: Date;
}

export interface StaffActions {
  /** An action on a visit that exists (cancel, reprint, HIS resend, ...). */
  run<T>(record: AuditRecord | ((result: T) => AuditRecord), action: () => Promise<T>): Promise<T>;
  /** An action for the person on screen: recorded with their visit once there is one. */
  forPersonOnScreen<T>(
    record: AuditRecord | ((result: T) => AuditRecord | AuditRecord[]),
    action: () => Promise<T>,
  ): Promise<T>;
  close(): void;
}

/** Steps after which the person on screen is someone new (or nobody). */
const NEW_PERSON = new Set<CheckinState['step']>(['idle', 'need-key', 'need-card', 'reading']);

export function createStaffActions(o: {
  /** Who acts: the desk's officer sessions; the CLI's configured officer (src/cli/cli-staff.ts). */
  sessions: Pick<OfficerSessions, 'forStaffAction'>;
  audit: AuditTrail;
  checkin: CheckinService;
  now: () => Date;
}): StaffActions {
  let held: Held[] = [];

  function flush(visitId: string | null): void {
    const out = held;
    held = [];
    for (const h of out) void o.audit.record({ ...h.record, visitId }, h.officer, h.at);
  }

  const unsubscribe = o.checkin.onState((state) => {
    if (held.length === 0) return;
    if (state.step === 'done') flush(state.visit.id);
    else if (NEW_PERSON.has(state.step)) flush(null);
  });

  return {
    async run(record, action) {
      const officer = o.sessions.forStaffAction(
        typeof record === 'function' ? 'staff action' : record.action,
      );
      const result = await action();
      const entry = typeof record === 'function' ? record(result) : record;
      await o.audit.record(entry, officer);
      return result;
    },
    async forPersonOnScreen(record, action) {
      const officer = o.sessions.forStaffAction(
        typeof record === 'function' ? 'staff action' : record.action,
      );
      const at = o.now();
      const result = await action();
      const entries = typeof record === 'function' ? record(result) : record;
      for (const r of Array.isArray(entries) ? entries : [entries]) {
        held.push({ record: r, officer, at });
      }
      // Already past the visit (a reprint state) or dropped meanwhile: write now.
      const state = o.checkin.current();
      if (state.step === 'done') flush(state.visit.id);
      else if (NEW_PERSON.has(state.step) && state.step !== 'reading') flush(null);
      return result;
    },
    close() {
      unsubscribe();
      flush(null);
    },
  };
}
