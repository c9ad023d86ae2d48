/**
 * The desk's view of the HIS hand-off (issue 14): how many visits wait, and the ones the HIS
 * refused with its OperationOutcome text, each of which staff can resend.
 */
import { create } from 'zustand';
import type { HisStatus, KioskErrorShape } from '../../../shared/domain';
import { kioskApi } from '../api';
import { asErrorShape } from './error-shape';

export interface HisStoreState {
  status: HisStatus | null;
  /** The visit being resent now (its button is busy). */
  resending: string | null;
  error: KioskErrorShape | null;
  load(): Promise<void>;
  apply(status: HisStatus): void;
  resend(visitId: string): Promise<void>;
}

export const useHisStore = create<HisStoreState>()((set, get) => ({
  status: null,
  resending: null,
  error: null,
  async load() {
    try {
      set({ status: await kioskApi().request('his.status', {}), error: null });
    } catch (err) {
      set({ error: asErrorShape(err) });
    }
  },
  apply(status) {
    set({ status });
  },
  async resend(visitId) {
    if (get().resending) return;
    set({ resending: visitId, error: null });
    try {
      set({ status: await kioskApi().request('his.resend', { visitId }) });
    } catch (err) {
      set({ error: asErrorShape(err) });
    } finally {
      set({ resending: null });
    }
  },
}));
