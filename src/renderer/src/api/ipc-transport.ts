/** The Electron transport: `window.kiosk`, exposed by the preload through contextBridge. */
import type {
  EventListener,
  EventName,
  KioskApi,
  KioskBridge,
  RequestInput,
  RequestName,
  RequestOutput,
} from '../../../shared/api-contract';
import { ApiError } from './api-error';

export function createIpcApi(bridge: KioskBridge): KioskApi {
  return {
    async request<K extends RequestName>(name: K, input: RequestInput<K>) {
      const result = await bridge.request(name, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as RequestOutput<K>;
    },
    on<K extends EventName>(name: K, listener: EventListener<K>) {
      return bridge.on(name, (payload) => listener(payload as Parameters<EventListener<K>>[0]));
    },
  };
}
