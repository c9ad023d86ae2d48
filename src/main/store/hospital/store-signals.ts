/**
 * What the app shows and listens to about where its data lives, whatever the engine: the status
 * for the desk's banner, its changes, and other stations' changes to the visits. A SQLite-only
 * station is always "reachable" with nothing waiting and hears nothing from elsewhere (another
 * process on the same file is noticed by the board's poll, see calling/board-watch.ts).
 */
import type { StoreStatus } from '../../../shared/domain';
import type { KioskStore } from '../store-contract';
import { HospitalStore } from './hospital-store';

export interface StoreSignals {
  status(): Promise<StoreStatus>;
  onStatus(listener: (status: StoreStatus) => void): () => void;
  /** `date` null: changes may have been missed (the feed reconnected); refresh what is shown. */
  onVisitsChanged(listener: (change: { date: string | null }) => void): () => void;
}

export function storeSignals(store: KioskStore): StoreSignals {
  if (store instanceof HospitalStore) return store;
  const status: StoreStatus = {
    engine: store.kind,
    serverReachable: true,
    offlineSince: null,
    waitingUpload: 0,
    uploadError: null,
  };
  return {
    status: async () => status,
    onStatus: () => () => undefined,
    onVisitsChanged: () => () => undefined,
  };
}
