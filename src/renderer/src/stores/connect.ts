/**
 * Feeds the stores from main: subscribes to every pushed event first (so nothing pushed during
 * start-up is missed), then asks for the current values. Returns the unsubscribe function.
 */
import type { EventListener, EventName, KioskApi } from '../../../shared/api-contract';
import type { StationMode } from '../../../shared/domain';
import { kioskApi } from '../api';
import { modeOverride } from '../lib/mode';
import { useAppStore } from './app-store';
import { useCallingStore } from './calling-store';
import { useCheckinStore } from './checkin-store';
import { asErrorShape } from './error-shape';
import { useHisStore } from './his-store';
import { useSimStore } from './sim-store';
import { useStaffStore } from './staff-store';
import { useVisitsStore } from './visits-store';

function isDesk(): boolean {
  return useAppStore.getState().mode === 'desk';
}

/** Staff screens with today's list: the desk and a clinic room's caller. */
function hasVisitList(): boolean {
  const mode = useAppStore.getState().mode;
  return mode === 'desk' || mode === 'room';
}

/** Screens that show the queue board: the callers and the waiting-room display. */
function showsBoard(): boolean {
  return useAppStore.getState().mode !== 'kiosk';
}

function loadBoard(): Promise<void> {
  const { mode, info } = useAppStore.getState();
  return useCallingStore
    .getState()
    .loadBoard(mode === 'display' ? info?.queue?.displayRooms : undefined);
}

/**
 * How many of each event have arrived. An answer to a request asked before a push of the same
 * value (the HTTP stream may connect after the first requests leave) would otherwise overwrite the
 * newer pushed value when it lands; such an answer is dropped.
 */
const pushes = new Map<EventName, number>();
const pushCount = (name: EventName): number => pushes.get(name) ?? 0;

function subscribe(api: KioskApi): () => void {
  const counted = <K extends EventName>(name: K, listener: EventListener<K>) =>
    api.on(name, (payload) => {
      pushes.set(name, pushCount(name) + 1);
      listener(payload);
    });
  const offs = [
    counted('checkin.state', (state) => {
      const before = useCheckinStore.getState().state.step;
      useCheckinStore.getState().applyState(state);
      // However the session ended (finished, card taken away, reset by main), the next patient
      // starts in the station's language.
      if (!isDesk() && state.step === 'idle' && before !== 'idle') {
        useAppStore.getState().resetLanguage();
      }
    }),
    counted('readers.changed', (readers) => useAppStore.setState({ readers })),
    counted('gateway.changed', (gateway) => useAppStore.setState({ gateway })),
    // The kiosk keeps no list of other people's visits or discrepancies: only the desk loads them.
    api.on('visits.changed', () => {
      if (hasVisitList()) void useVisitsStore.getState().load();
      if (isDesk()) {
        api.request('evidence.count', null).then(
          (failedLookups) => useAppStore.setState({ failedLookups }),
          () => undefined,
        );
      }
    }),
    api.on('queue.changed', () => {
      if (showsBoard()) void loadBoard();
    }),
    counted('his.changed', (status) => {
      if (isDesk()) useHisStore.getState().apply(status);
    }),
    counted('staff.changed', (officer) => {
      if (isDesk()) useStaffStore.getState().apply(officer);
    }),
    counted('store.changed', (storeStatus) => {
      if (isDesk()) useAppStore.setState({ storeStatus });
    }),
    counted('recheck.changed', (recheck) => {
      if (isDesk()) useAppStore.setState({ recheck });
    }),
    api.on('print.changed', (outcome) => {
      useCheckinStore.getState().applyPrint(outcome);
      if (isDesk()) useVisitsStore.getState().applyPrint(outcome);
    }),
  ];
  return () => offs.forEach((off) => off());
}

/** Loads app.info and everything the chosen mode shows. Safe to call again after a failure. */
export async function loadStation(search: string, api: KioskApi = kioskApi()): Promise<void> {
  const app = useAppStore;
  try {
    const info = await api.request('app.info', null);
    const mode: StationMode = modeOverride(search) ?? info.mode;
    app.setState({ info, mode, startError: null });
    app.getState().setLanguage(info.language);
  } catch (err) {
    app.setState({ startError: asErrorShape(err) });
    return;
  }
  const settle = async <T>(
    promise: Promise<T>,
    apply: (value: T) => void,
    pushedAs?: EventName,
  ): Promise<void> => {
    const before = pushedAs ? pushCount(pushedAs) : 0;
    try {
      const value = await promise;
      // A push that came meanwhile is newer than this answer.
      if (!pushedAs || pushCount(pushedAs) === before) apply(value);
    } catch {
      // A missing reader or service list is shown as "unknown"; the events fill it in later.
    }
  };
  await Promise.all([
    settle(
      api.request('readers.list', null),
      (readers) => app.setState({ readers }),
      'readers.changed',
    ),
    settle(
      api.request('gateway.status', null),
      (gateway) => app.setState({ gateway }),
      'gateway.changed',
    ),
    settle(
      api.request('checkin.current', null),
      (state) => useCheckinStore.getState().applyState(state),
      'checkin.state',
    ),
    ...(isDesk()
      ? [
          settle(
            api.request('recheck.summary', null),
            (recheck) => app.setState({ recheck }),
            'recheck.changed',
          ),
          settle(api.request('evidence.count', null), (failedLookups) =>
            app.setState({ failedLookups }),
          ),
          useVisitsStore.getState().load(),
          settle(
            api.request('his.status', {}),
            (status) => useHisStore.getState().apply(status),
            'his.changed',
          ),
          settle(
            api.request('staff.current', null),
            (officer) => useStaffStore.getState().apply(officer),
            'staff.changed',
          ),
        ]
      : useAppStore.getState().mode === 'room'
        ? [useVisitsStore.getState().load()]
        : []),
    ...(showsBoard() ? [loadBoard()] : []),
    ...(isDesk()
      ? [
          settle(
            api.request('store.status', null),
            (storeStatus) => app.setState({ storeStatus }),
            'store.changed',
          ),
        ]
      : []),
  ]);
}

export function connectStores(search: string, api: KioskApi = kioskApi()): () => void {
  const unsubscribe = subscribe(api);
  void loadStation(search, api);
  return unsubscribe;
}

/** Everything personal out of memory: the check-in, the lists, the developer panel. */
export function wipePersonalData(): void {
  useCheckinStore.getState().wipe();
  useVisitsStore.getState().wipe();
  useSimStore.getState().wipe();
  useAppStore.getState().resetLanguage();
}

/** The kiosk's "patient left": main drops the check-in, this screen forgets everything. */
export async function endKioskSession(): Promise<void> {
  wipePersonalData();
  await useCheckinStore.getState().reset();
}
