/**
 * The renderer's one way to reach main. The transport is chosen by what is present at run time:
 * Electron's preload bridge when `window.kiosk` exists, the web host otherwise. Components do
 * not import this directly: the zustand stores do.
 */
import type { KioskApi, KioskBridge } from '../../../shared/api-contract';
import { transportError } from './api-error';
import { createHttpApi, takeSecretFromLocation } from './http-transport';
import { createIpcApi } from './ipc-transport';

export { ApiError } from './api-error';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

function unavailable(): KioskApi {
  const fail = (): Promise<never> =>
    Promise.reject(transportError('no preload bridge and no web host secret in the URL'));
  return { request: fail, on: () => () => undefined };
}

function choose(): KioskApi {
  if (window.kiosk?.transport === 'electron-ipc') return createIpcApi(window.kiosk);
  const secret = takeSecretFromLocation();
  return secret ? createHttpApi(secret) : unavailable();
}

let api: KioskApi | null = null;

export function kioskApi(): KioskApi {
  return (api ??= choose());
}

/** Tests replace the transport with a fake. */
export function setKioskApiForTests(fake: KioskApi): void {
  api = fake;
}
