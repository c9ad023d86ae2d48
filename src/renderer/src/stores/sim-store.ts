/** The developer panel's view of the simulated card and lookup service. */
import { create } from 'zustand';
import type { KioskErrorShape, SimCardSummary, SimGatewayMode } from '../../../shared/domain';
import { kioskApi } from '../api';
import { asErrorShape } from './error-shape';
import { useCheckinStore } from './checkin-store';

/** Which of the selected person's QR texts to paste into "scan this text". */
export type PastedQr = 'cccd' | 'bhyt' | 'bhyt-2021';

export interface SimStoreState {
  open: boolean;
  catalog: SimCardSummary[];
  selected: number;
  gatewayMode: SimGatewayMode;
  error: KioskErrorShape | null;
  /** The "scan this text" field: anything a scanner or a keypad could deliver. */
  scanText: string;

  setOpen(open: boolean): void;
  select(index: number): void;
  loadCatalog(): Promise<void>;
  insert(): Promise<void>;
  remove(): Promise<void>;
  scanQr(): Promise<void>;
  setGateway(mode: SimGatewayMode): Promise<void>;
  setScanText(text: string): void;
  /** Puts the selected person's QR text into the field (nothing is sent yet). */
  paste(which: PastedQr): void;
  /** Sends the field as the kiosk's scanner does: checkin.present, answered on the screen. */
  scanTheText(): Promise<void>;
  /** Closed, and the catalog (made-up people, but names on screen) dropped. */
  wipe(): void;
}

export const useSimStore = create<SimStoreState>()((set, get) => {
  async function act(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      set({ error: null });
      return true;
    } catch (err) {
      set({ error: asErrorShape(err) });
      return false;
    }
  }

  return {
    open: false,
    catalog: [],
    selected: 1,
    gatewayMode: 'normal',
    error: null,
    scanText: '',

    setOpen(open) {
      set({ open });
      if (open && get().catalog.length === 0) void get().loadCatalog();
    },
    select(index) {
      set({ selected: index });
    },
    async loadCatalog() {
      await act(async () => set({ catalog: await kioskApi().request('sim.catalog', null) }));
    },
    async insert() {
      await act(() => kioskApi().request('sim.insertCard', { index: get().selected }));
    },
    async remove() {
      await act(() => kioskApi().request('sim.removeCard', null));
    },
    async scanQr() {
      await act(() => kioskApi().request('sim.scanQr', { index: get().selected }));
    },
    async setGateway(mode) {
      if (await act(() => kioskApi().request('sim.setGateway', { mode })))
        set({ gatewayMode: mode });
    },
    setScanText(text) {
      set({ scanText: text });
    },
    paste(which) {
      const card = get().catalog.find((c) => c.index === get().selected);
      const text =
        which === 'cccd'
          ? card?.qrText
          : which === 'bhyt'
            ? card?.bhytQr?.code15
            : card?.bhytQr?.model2021;
      set({ scanText: text ?? '' });
    },
    async scanTheText() {
      // The scanner's own path (KioskScreen's wedge): the screen shows what main makes of it.
      await useCheckinStore.getState().provideQr(get().scanText);
    },
    wipe() {
      set({ open: false, catalog: [], error: null, scanText: '' });
    },
  };
});
