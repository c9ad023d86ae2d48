import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../../src/main/config/load-config';
import type { KioskConfig } from '../../../src/main/config/schema';

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
}

export function printConfig(printer: Record<string, unknown>): KioskConfig {
  return parseConfig({ printer: { timeZone: 'Asia/Ho_Chi_Minh', ...printer } }, 'test-config.json');
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
