/**
 * The composition root: configuration in, every service out, wired to the event hub and the API
 * handler table. Electron's main, the web host and the CLI all build the app through here, so
 * they run the same code. Plain Node: no `electron` import (Electron passes its print functions).
 */
import type { ApiHandlers } from '../shared/api-contract';
import type { AppInfo } from '../shared/domain';
import { EventHub } from './api/event-hub';
import { createApiHandlers } from './api/handlers';
import type { KioskConfig } from './config/schema';
import type { Logger } from './logging/logger';

export interface AppServicesOptions {
  dataDir: string;
  config: KioskConfig;
  logger: Logger;
  /** Electron's printToPDF; under Node the Chromium renderer is used. */
  pdfRenderer?: unknown;
  /** Electron's silent webContents.print; absent under Node. */
  systemPrint?: unknown;
}

export interface AppServices {
  events: EventHub;
  handlers: ApiHandlers;
  appInfo(): AppInfo;
  close(): Promise<void>;
}

export async function createAppServices(_options: AppServicesOptions): Promise<AppServices> {
  void createApiHandlers;
  throw new Error('services are wired in the next step');
}
