/**
 * The station: its configuration (app.info), language, readers, the lookup service's state and
 * the re-check queue. Fed by pushed events; actions are the only way components reach the API.
 */
import { create } from 'zustand';
import type {
  AppInfo,
  Department,
  Lane,
  GatewayStatus,
  KioskErrorShape,
  Language,
  RecheckSummary,
  ReaderStatus,
  StationMode,
  StoreStatus,
} from '../../../shared/domain';
import { kioskApi } from '../api';
import { i18n } from '../i18n';
import { asErrorShape } from './error-shape';

export interface AppStoreState {
  info: AppInfo | null;
  mode: StationMode;
  /** Set when the station could not be reached at start (shown with a retry). */
  startError: KioskErrorShape | null;
  language: Language;
  readers: ReaderStatus[];
  gateway: GatewayStatus | null;
  recheck: RecheckSummary;
  /** Today's check-ins whose insurance lookup failed (evidence kept, QĐ 2555). */
  failedLookups: number;
  /** Whether the hospital's server answers, and offline visits waiting (null: not known yet). */
  storeStatus: StoreStatus | null;
  /** The last failed station action (insurance switch, resolve), as a sentence to show. */
  actionError: KioskErrorShape | null;

  setLanguage(language: Language): void;
  /** Back to the configured language (a kiosk does this when the patient leaves). */
  resetLanguage(): void;
  setInsuranceChecking(enabled: boolean): Promise<void>;
  resolveDiscrepancy(discrepancyId: string): Promise<void>;
  dismissActionError(): void;
}

export const useAppStore = create<AppStoreState>()((set, get) => ({
  info: null,
  mode: 'kiosk',
  startError: null,
  language: 'vi',
  readers: [],
  gateway: null,
  recheck: { pending: 0, flagged: [] },
  failedLookups: 0,
  storeStatus: null,
  actionError: null,

  setLanguage(language) {
    set({ language });
    void i18n.changeLanguage(language);
  },
  resetLanguage() {
    get().setLanguage(get().info?.language ?? 'vi');
  },
  async setInsuranceChecking(enabled) {
    try {
      await kioskApi().request('insurance.setChecking', { enabled });
      const info = get().info;
      set({ actionError: null, info: info ? { ...info, insuranceChecking: enabled } : info });
    } catch (err) {
      set({ actionError: asErrorShape(err) });
    }
  },
  async resolveDiscrepancy(discrepancyId) {
    try {
      await kioskApi().request('recheck.resolve', { discrepancyId });
      // The recheck.changed event carries the new list; drop it locally too so the row goes now.
      const recheck = get().recheck;
      set({
        actionError: null,
        recheck: { ...recheck, flagged: recheck.flagged.filter((d) => d.id !== discrepancyId) },
      });
    } catch (err) {
      set({ actionError: asErrorShape(err) });
    }
  },
  dismissActionError() {
    set({ actionError: null });
  },
}));

// Selectors with stable fallbacks: a fresh `[]` per call would re-render forever in zustand 5.
const NO_DEPARTMENTS: Department[] = [];
const ONLY_NORMAL: Lane[] = ['normal'];
export const selectDepartments = (s: AppStoreState): Department[] =>
  s.info?.departments ?? NO_DEPARTMENTS;
export const selectLanes = (s: AppStoreState): Lane[] => s.info?.lanes ?? ONLY_NORMAL;
