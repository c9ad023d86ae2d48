/**
 * The plain-function part of Electron's IPC transport (no `electron` import, so it is unit
 * tested under Node): what main answers to one request from a window, and which pushed events
 * a window of this station mode receives. ipc.ts only registers these with ipcMain.
 */
import type { ApiEvents, ApiHandlers, ApiResult, EventName } from '../../shared/api-contract';
import type { StationMode } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import { dispatchRequest } from '../api/dispatch';
import { eventForStation } from '../api/station-guard';
import type { Logger } from '../logging/logger';

export interface IpcBridgeOptions {
  handlers: ApiHandlers;
  mode: StationMode;
  logger: Logger;
}

export function answerIpcRequest(
  options: IpcBridgeOptions,
  trustedSender: boolean,
  name: string,
  input: unknown,
): Promise<ApiResult<unknown>> {
  if (!trustedSender) {
    // A frame or window that is not our page: nothing of the API, whatever the station mode.
    options.logger.warn('ipc request from an untrusted sender refused', { request: name });
    return Promise.resolve({
      ok: false,
      error: kioskError('API_FORBIDDEN', 'Không được phép', 'Forbidden').toShape(),
    });
  }
  return dispatchRequest(options.handlers, name, input, {
    mode: options.mode,
    logger: options.logger,
  });
}

/** The [name, payload] to send to this station's windows, or null when it is not theirs. */
export function ipcEventFor<K extends EventName>(
  mode: StationMode,
  name: K,
  payload: ApiEvents[K],
): [K, ApiEvents[K]] | null {
  return eventForStation(name, mode) ? [name, payload] : null;
}
