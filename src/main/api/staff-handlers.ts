/**
 * The desk officer's requests (staff.*) and a visit's audit trail (audit.visit), answered by the
 * station's officer sessions. Desk only (src/shared/station-access.ts).
 */
import type { ApiHandlers } from '../../shared/api-contract';
import type { AuditEntry, StationMode } from '../../shared/domain';
import type { CheckinService } from '../services-contract';
import type { OfficerSessions } from '../staff/officer-sessions';
import type { StaffActions } from '../staff/staff-actions';

export interface StaffServices {
  mode: StationMode;
  sessions: OfficerSessions;
  actions: StaffActions;
  checkin: CheckinService;
  auditOfVisit(visitId: string): Promise<AuditEntry[]>;
}

type StaffRequest =
  'staff.current' | 'staff.signIn' | 'staff.signInWithCard' | 'staff.signOut' | 'audit.visit';

export function staffHandlers(staff: () => StaffServices): Pick<ApiHandlers, StaffRequest> {
  return {
    'staff.current': async () => staff().sessions.current(),
    'staff.signIn': async (input) => staff().sessions.signInTyped(input),
    'staff.signInWithCard': async ({ key }) => {
      const s = staff();
      try {
        return await s.sessions.signInWithCard(key);
      } finally {
        // The officer's card on the reader is not a patient: whatever the check-in made of its
        // arrival (asking for its key) is dropped, with every detail it held.
        s.checkin.reset();
      }
    },
    'staff.signOut': async () => {
      await staff().sessions.signOut();
      return null;
    },
    'audit.visit': async ({ visitId }) => {
      const s = staff();
      s.sessions.forStaffAction('audit.visit');
      return s.auditOfVisit(visitId);
    },
  };
}
