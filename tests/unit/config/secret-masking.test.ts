/**
 * Issue 20, item 8: a password in a PostgreSQL URL's query (`?password=`, which libpq reads as
 * well as the user part) is masked in every output, and doctor fails a configuration file with
 * secrets that others can read.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, maskSecrets, maskUrlPassword } from '../../../src/main/config/load-config';
import {
  checkConfigFile,
  checkStore,
  configFileModeProblem,
} from '../../../src/main/doctor/checks';
import { storeHealth } from '../../../src/main/store/store-health';

const SECRET = 'Hunter2-secret';

/** A port nothing listens on: the OS gives one, and it is closed again. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function dirWith(config: unknown, mode = 0o600): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-mask-'));
  const file = path.join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  chmodSync(file, mode);
  return dir;
}

describe('a password in a PostgreSQL URL is masked everywhere', () => {
  it('in the user part and in the query, whatever the case of the key', () => {
    expect(maskUrlPassword(`postgres://kiosk@db.bv.local:5432/kiosk?password=${SECRET}`)).toBe(
      'postgres://kiosk@db.bv.local:5432/kiosk?password=***',
    );
    expect(
      maskUrlPassword(`postgresql://kiosk:${SECRET}@db/kiosk?sslmode=require&PassWord=${SECRET}`),
    ).toBe('postgresql://kiosk:***@db/kiosk?sslmode=require&PassWord=***');
    expect(maskUrlPassword(`postgres://db/kiosk?sslpassword=${SECRET}`)).not.toContain(SECRET);
    expect(maskUrlPassword('postgres://kiosk@db/kiosk?sslmode=require')).toBe(
      'postgres://kiosk@db/kiosk?sslmode=require',
    );
  });

  it('in `config`, `store status`, doctor and the unreachable-server error', async () => {
    const port = await closedPort();
    const url = `postgres://kiosk@127.0.0.1:${port}/kiosk?password=${SECRET}`;
    const dir = dirWith({
      store: { engine: 'postgres', postgres: { url, connectTimeoutMs: 500 } },
    });
    const { config } = loadConfig(dir);
    expect(JSON.stringify(maskSecrets(config))).not.toContain(SECRET); // `config`
    const health = await storeHealth(config, dir); // `store status`
    expect(health.reachable).toBe(false);
    expect(health.error).not.toBeNull(); // the error the station shows
    expect(JSON.stringify(health)).not.toContain(SECRET);
    expect(health.location).toContain('password=***');
    expect(JSON.stringify(await checkStore(config, dir))).not.toContain(SECRET); // doctor
  });
});

describe('doctor: the configuration file', () => {
  it('fails a file with secrets that the group or others can read', () => {
    expect(configFileModeProblem(0o100644, true)).toMatch(/others.*chmod 600/);
    expect(configFileModeProblem(0o100640, true)).toMatch(/group/);
    expect(configFileModeProblem(0o100600, true)).toBeNull();
    expect(configFileModeProblem(0o100644, false)).toBeNull();
  });

  it('on a real file: a hand-written config with a password, 0644 fails, 0600 passes', () => {
    const withSecret = {
      store: {
        engine: 'postgres',
        postgres: { url: `postgres://k@127.0.0.1/k?password=${SECRET}` },
      },
    };
    const open = dirWith(withSecret, 0o644);
    const loaded = loadConfig(open);
    const result = checkConfigFile(loaded.path, loaded.config);
    expect(result.status).toBe('fail');
    expect(result.detail).not.toContain(SECRET);
    const closed = dirWith(withSecret, 0o600);
    expect(checkConfigFile(loadConfig(closed).path, loadConfig(closed).config).status).toBe('ok');
    const plain = dirWith({ station: { id: 'K02' } }, 0o644);
    expect(checkConfigFile(loadConfig(plain).path, loadConfig(plain).config).status).toBe('ok');
  });
});
