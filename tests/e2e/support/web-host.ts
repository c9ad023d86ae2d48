/**
 * Starts the app's services and the web host in the test process, on a fresh data folder, with
 * an optional configuration file (merged over the defaults like a user's file).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { loadConfig } from '../../../src/main/config/load-config';
import { createLogger } from '../../../src/main/logging/file-logger';
import { startWebHost } from '../../../src/main/web-host/server';
import type { StationMode } from '../../../src/shared/domain';

export interface TestHost {
  /** Includes the `#secret=` fragment. */
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  services: AppServices;
  /** The desk screen, served by a desk-mode host over the same services. */
  deskUrl: string;
  close(): Promise<void>;
}

export async function startTestHost(
  options: { config?: Record<string, unknown> } = {},
): Promise<TestHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  // The face check (on by default on a kiosk) has its own spec, face-check.spec.ts: the other
  // specs walk the check-in without its consent screen unless they configure `face`.
  const file = { face: { policy: 'off' }, ...options.config };
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(file));
  const { config } = loadConfig(dataDir);
  const logger = createLogger({
    dataDir,
    level: 'debug',
    maxFileBytes: 5_000_000,
    maxFiles: 2,
    console: false,
  });
  const services = await createAppServices({ dataDir, config, logger });
  const serve = (mode: StationMode) =>
    startWebHost({
      handlers: services.handlers,
      mode,
      events: services.events,
      staticDir: path.resolve('out/renderer'),
      logger,
    });
  const host = await serve(config.station.mode);
  // Main answers a page only what its station mode may ask, so the desk page gets a desk-mode
  // host of its own over the same services: a desk station beside the kiosk.
  const desk = config.station.mode === 'desk' ? host : await serve('desk');
  return {
    url: host.url,
    origin: host.origin,
    secret: host.secret,
    deskUrl: `${desk.origin}/?mode=desk#secret=${desk.secret}`,
    dataDir,
    services,
    async close() {
      if (desk !== host) await desk.close();
      await host.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
