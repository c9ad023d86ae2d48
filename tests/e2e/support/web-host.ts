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

export interface TestHost {
  /** Includes the `#secret=` fragment. */
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  services: AppServices;
  /** The same page in desk mode. */
  deskUrl: string;
  close(): Promise<void>;
}

export async function startTestHost(
  options: { config?: Record<string, unknown> } = {},
): Promise<TestHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  if (options.config)
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(options.config));
  const { config } = loadConfig(dataDir);
  const logger = createLogger({
    dataDir,
    level: 'debug',
    maxFileBytes: 5_000_000,
    maxFiles: 2,
    console: false,
  });
  const services = await createAppServices({ dataDir, config, logger });
  const host = await startWebHost({
    handlers: services.handlers,
    events: services.events,
    staticDir: path.resolve('out/renderer'),
    logger,
  });
  return {
    url: host.url,
    origin: host.origin,
    secret: host.secret,
    deskUrl: `${host.origin}/?mode=desk#secret=${host.secret}`,
    dataDir,
    services,
    async close() {
      await host.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
