/** Electron's transport of the API: one ipcMain handler per request, events to every window. */
import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_PREFIX, REQUEST_NAMES } from '../../shared/api-contract';
import type { ApiHandlers } from '../../shared/api-contract';
import { dispatchRequest } from '../api/dispatch';
import type { EventHub } from '../api/event-hub';
import type { Logger } from '../logging/logger';

export function registerIpc(
  handlers: ApiHandlers,
  events: EventHub,
  logger: Logger,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(IPC_REQUEST_PREFIX + name, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'API_FORBIDDEN', message: { vi: 'Không được phép', en: 'Forbidden' } },
        };
      }
      return dispatchRequest(handlers, name, input, logger);
    });
  }
  const unsubscribe = events.subscribe((name, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(IPC_REQUEST_PREFIX + name);
  };
}
