/**
 * Electron's transport of the API: one ipcMain handler per request, events to every window.
 * What is answered and what is pushed is decided in ipc-bridge.ts (plain functions).
 */
import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_PREFIX, REQUEST_NAMES } from '../../shared/api-contract';
import type { EventHub } from '../api/event-hub';
import { answerIpcRequest, ipcEventFor, type IpcBridgeOptions } from './ipc-bridge';

export function registerIpc(
  options: IpcBridgeOptions,
  events: EventHub,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(IPC_REQUEST_PREFIX + name, (event, input: unknown) =>
      answerIpcRequest(options, isTrustedSender(event), name, input),
    );
  }
  const unsubscribe = events.subscribe((name, payload) => {
    const message = ipcEventFor(options.mode, name, payload);
    if (!message) return;
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, ...message);
    }
  });
  return () => {
    unsubscribe();
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(IPC_REQUEST_PREFIX + name);
  };
}
