/**
 * Today's visits for the desk: the list as main filters it, kept fresh by `visits.changed` and
 * `print.changed`. The kiosk never loads it (a patient's screen holds no one else's data).
 */
import { create } from 'zustand';
import type { KioskErrorShape, Lane, PrintOutcome, Visit } from '../../../shared/domain';
import { kioskApi } from '../api';
import { asErrorShape } from './error-shape';

export interface VisitFilterState {
  query: string;
  department: string;
  includeCancelled: boolean;
}

export interface VisitsStoreState {
  visits: Visit[];
  filter: VisitFilterState;
  loading: boolean;
  loadError: KioskErrorShape | null;
  /** Per visit: the last reprint/cancel error, shown on its row. */
  rowErrors: Record<string, KioskErrorShape>;
  /** The last visit whose action succeeded, with what was done, for the live region. */
  lastDone: { visitId: string; action: 'reprint' | 'cancel' | 'sendOn' } | null;

  load(): Promise<void>;
  setFilter(patch: Partial<VisitFilterState>): Promise<void>;
  applyPrint(outcome: PrintOutcome): void;
  reprint(visitId: string): Promise<void>;
  cancel(visitId: string, reason: string): Promise<boolean>;
  /** A completed desk ticket on to a department's lane (it keeps its number). */
  sendOn(visitId: string, department: string, lane: Lane): Promise<boolean>;
  wipe(): void;
}

const EMPTY_FILTER: VisitFilterState = { query: '', department: '', includeCancelled: false };
const EMPTY = {
  visits: [],
  filter: EMPTY_FILTER,
  loading: false,
  loadError: null,
  rowErrors: {},
  lastDone: null,
} satisfies Partial<VisitsStoreState>;

export const useVisitsStore = create<VisitsStoreState>()((set, get) => {
  let loadSeq = 0;

  function replaceVisit(visit: Visit): void {
    set((s) => ({ visits: s.visits.map((v) => (v.id === visit.id ? visit : v)) }));
  }
  function setRowError(visitId: string, error: KioskErrorShape | null): void {
    set((s) => {
      const rowErrors = { ...s.rowErrors };
      if (error) rowErrors[visitId] = error;
      else delete rowErrors[visitId];
      return { rowErrors };
    });
  }

  return {
    ...EMPTY,

    async load() {
      // Typing in the search box fires several loads; only the newest may land.
      const seq = ++loadSeq;
      const { query, department, includeCancelled } = get().filter;
      set({ loading: true });
      try {
        const visits = await kioskApi().request('visits.list', {
          ...(query.trim() ? { query: query.trim() } : {}),
          ...(department ? { department } : {}),
          includeCancelled,
        });
        if (seq === loadSeq) set({ visits, loading: false, loadError: null });
      } catch (err) {
        if (seq === loadSeq) set({ loading: false, loadError: asErrorShape(err) });
      }
    },
    async setFilter(patch) {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
      await get().load();
    },
    applyPrint({ visitId, status, error }) {
      set((s) => ({
        visits: s.visits.map((v) =>
          v.id === visitId ? { ...v, printStatus: status, printError: error } : v,
        ),
      }));
    },
    async reprint(visitId) {
      setRowError(visitId, null);
      try {
        const outcome = await kioskApi().request('visits.reprint', { visitId });
        get().applyPrint(outcome);
        if (outcome.error) setRowError(visitId, outcome.error);
        else set({ lastDone: { visitId, action: 'reprint' } });
      } catch (err) {
        setRowError(visitId, asErrorShape(err));
      }
    },
    async cancel(visitId, reason) {
      setRowError(visitId, null);
      try {
        const visit = await kioskApi().request('visits.cancel', { visitId, reason });
        replaceVisit(visit);
        set({ lastDone: { visitId, action: 'cancel' } });
        return true;
      } catch (err) {
        setRowError(visitId, asErrorShape(err));
        return false;
      }
    },
    async sendOn(visitId, department, lane) {
      setRowError(visitId, null);
      try {
        const visit = await kioskApi().request('visits.sendOn', { visitId, department, lane });
        replaceVisit(visit);
        set({ lastDone: { visitId, action: 'sendOn' } });
        return true;
      } catch (err) {
        setRowError(visitId, asErrorShape(err));
        return false;
      }
    },
    wipe() {
      loadSeq++;
      set(EMPTY);
    },
  };
});
