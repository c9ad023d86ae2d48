/**
 * The check-in in progress, exactly as main pushes it (`checkin.state`), plus the error of the
 * last action the person took. Wiping returns it to idle with nothing personal left in memory.
 */
import { create } from 'zustand';
import type {
  CheckinState,
  KioskErrorShape,
  Lane,
  ManualIdentityInput,
  PrintOutcome,
  StaffOverride,
  Visit,
} from '../../../shared/domain';
import { kioskApi } from '../api';
import { asErrorShape } from './error-shape';

export interface CheckinStoreState {
  state: CheckinState;
  /** A request is in flight: buttons that would send another are disabled. */
  busy: boolean;
  actionError: KioskErrorShape | null;

  applyState(state: CheckinState): void;
  /** Typed or scanned identity text of any kind. */
  provideQr(text: string): Promise<void>;
  withoutCard(): Promise<void>;
  noDocuments(): Promise<void>;
  manualIdentity(input: ManualIdentityInput): Promise<boolean>;
  choose(department: string, lane: Lane): Promise<Visit | null>;
  override(decision: StaffOverride, note?: string): Promise<void>;
  /** Desk: accept a card whose chip is not trusted (the officer is main's to record). */
  acceptChip(): Promise<void>;
  retry(): Promise<void>;
  /** Kiosk "print again" for the visit on the done screen. */
  reprintCurrent(): Promise<void>;
  applyPrint(outcome: PrintOutcome): void;
  /** Asks main to drop the check-in and wipes it here at once, whatever main answers. */
  reset(): Promise<void>;
  /** Local only: back to idle with no personal detail kept. */
  wipe(): void;
  dismissError(): void;
}

const IDLE: CheckinState = { step: 'idle' };

export const useCheckinStore = create<CheckinStoreState>()((set, get) => {
  /** Runs one request with busy/actionError bookkeeping; returns its value or null on failure. */
  async function act<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    set({ busy: true, actionError: null });
    try {
      const value = await run();
      set({ busy: false });
      return { ok: true, value };
    } catch (err) {
      set({ busy: false, actionError: asErrorShape(err) });
      return { ok: false };
    }
  }

  return {
    state: IDLE,
    busy: false,
    actionError: null,

    applyState(state) {
      // A new step makes the previous action's error stale (main's own errors are in the state).
      set((s) => (s.state.step === state.step ? { state } : { state, actionError: null }));
    },
    async provideQr(text) {
      // Main reads the shape (src/shared/presented-input): one rule for kiosk, desk and CLI.
      await act(() => kioskApi().request('checkin.present', { text }));
    },
    async withoutCard() {
      await act(() => kioskApi().request('checkin.withoutCard', null));
    },
    async noDocuments() {
      await act(() => kioskApi().request('checkin.noDocuments', null));
    },
    async manualIdentity(input) {
      const result = await act(() => kioskApi().request('checkin.manualIdentity', input));
      return result.ok;
    },
    async choose(department, lane) {
      const result = await act(() => kioskApi().request('checkin.choose', { department, lane }));
      return result.ok ? result.value : null;
    },
    async override(decision, note) {
      await act(() =>
        kioskApi().request('checkin.override', note ? { decision, note } : { decision }),
      );
    },
    async acceptChip() {
      await act(() => kioskApi().request('checkin.acceptChip', {}));
    },
    async retry() {
      await act(() => kioskApi().request('checkin.retry', null));
    },
    async reprintCurrent() {
      const current = get().state;
      if (current.step !== 'done') return;
      const result = await act(() => kioskApi().request('checkin.reprint', null));
      if (result.ok) get().applyPrint(result.value);
    },
    applyPrint({ visitId, status, error }) {
      const current = get().state;
      if (current.step !== 'done' || current.visit.id !== visitId) return;
      set({
        state: {
          ...current,
          visit: { ...current.visit, printStatus: status, printError: error },
          printError: status === 'failed' ? error : null,
        },
      });
    },
    async reset() {
      set({ state: IDLE, busy: false, actionError: null });
      try {
        await kioskApi().request('checkin.reset', null);
      } catch (err) {
        set({ actionError: asErrorShape(err) });
      }
    },
    wipe() {
      set({ state: IDLE, busy: false, actionError: null });
    },
    dismissError() {
      set({ actionError: null });
    },
  };
});
