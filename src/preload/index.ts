/**
 * The preload: one typed object, `window.kiosk`, through contextBridge. The renderer never sees
 * ipcRenderer, Node or file paths; it can only name a request or an event of the API contract.
 * Runs sandboxed, so this file is bundled into one file with no imports at run time except
 * `electron` (see electron.vite.config.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_REQUEST_PREFIX,
  isEventName,
  isRequestName,
  type ApiResult,
  type EventName,
  type KioskBridge,
} from '../shared/api-contract';

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge = {
  transport: 'electron-ipc',
  request(name, input): Promise<ApiResult<unknown>> {
    if (!isRequestName(name)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'API_UNKNOWN_REQUEST',
          message: { vi: 'Yêu cầu không hợp lệ', en: 'Unknown request' },
        },
      });
    }
    return ipcRenderer.invoke(IPC_REQUEST_PREFIX + name, input) as Promise<ApiResult<unknown>>;
  },
  on(name, listener) {
    if (!isEventName(name)) return () => undefined;
    const set = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
} satisfies KioskBridge;

contextBridge.exposeInMainWorld('kiosk', bridge);
