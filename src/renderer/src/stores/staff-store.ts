/**
 * The desk's officer for the shift (issue 22) as main holds it, and one visit's history of staff
 * actions when staff open it. Main decides sign-out (idle, end of day) and pushes it.
 */
import { create } from 'zustand';
import type {
  AccessKeyInput,
  AuditEntry,
  KioskErrorShape,
  SignedInOfficer,
} from '../../../shared/domain';
import { kioskApi } from '../api';
import { asErrorShape } from './error-shape';

export interface StaffStoreState {
  officer: SignedInOfficer | null;
  busy: boolean;
  error: KioskErrorShape | null;
  /** The visit whose actions are shown, with them (null entries: loading). */
  audit: { visitId: string; entries: AuditEntry[] | null; error: KioskErrorShape | null } | null;
  apply(officer: SignedInOfficer | null): void;
  signInTyped(name: string, idNumber: string): Promise<boolean>;
  signInWithCard(key: AccessKeyInput): Promise<boolean>;
  signOut(): Promise<void>;
  showAudit(visitId: string): Promise<void>;
  hideAudit(): void;
  dismiss(): void;
}

export const useStaffStore = create<StaffStoreState>()((set, get) => {
  async function attempt(work: () => Promise<SignedInOfficer>): Promise<boolean> {
    if (get().busy) return false;
    set({ busy: true, error: null });
    try {
      set({ officer: await work() });
      return true;
    } catch (err) {
      set({ error: asErrorShape(err) });
      return false;
    } finally {
      set({ busy: false });
    }
  }
  return {
    officer: null,
    busy: false,
    error: null,
    audit: null,
    apply(officer) {
      // Signed out (idle, end of day): nothing of the last officer's lists stays on screen.
      set(officer ? { officer } : { officer: null, audit: null });
    },
    signInTyped(name, idNumber) {
      return attempt(() => kioskApi().request('staff.signIn', { name, idNumber }));
    },
    signInWithCard(key) {
      return attempt(() => kioskApi().request('staff.signInWithCard', { key }));
    },
    async signOut() {
      try {
        await kioskApi().request('staff.signOut', null);
        set({ officer: null, audit: null, error: null });
      } catch (err) {
        set({ error: asErrorShape(err) });
      }
    },
    async showAudit(visitId) {
      set({ audit: { visitId, entries: null, error: null } });
      try {
        const entries = await kioskApi().request('audit.visit', { visitId });
        if (get().audit?.visitId === visitId) set({ audit: { visitId, entries, error: null } });
      } catch (err) {
        if (get().audit?.visitId === visitId) {
          set({ audit: { visitId, entries: [], error: asErrorShape(err) } });
        }
      }
    },
    hideAudit() {
      set({ audit: null });
    },
    dismiss() {
      set({ error: null });
    },
  };
});
