/**
 * A throwaway PostgreSQL cluster for tests: Debian's server binaries (`npm run setup` installs
 * `postgresql`), `initdb` into a temp folder, its own port and its own unix-socket folder inside
 * that temp folder, stopped and removed by `stop()`. Never a mock: tests talk to a real server.
 *
 *   const pg = await startPgCluster();       // in beforeAll
 *   new pg.Client({ connectionString: pg.url })
 *   await pg.stop();                          // in afterAll
 *
 * `initdb` and the server refuse to run as root, so as root they run as the `postgres` user
 * (`runuser`), on a folder handed to that user. Data safety settings are relaxed (fsync off):
 * the cluster dies with the test and speed matters more than surviving a power cut.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PG_BIN = process.env.KIOSK_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  /** `postgres://kiosk@127.0.0.1:<port>/kiosk` (no password: trust on this private cluster). */
  url: string;
  host: string;
  port: number;
  /** The folder holding the unix socket (`.s.PGSQL.<port>`). */
  socketDir: string;
  dataDir: string;
  database: string;
  user: string;
  /** Stops the server (fast shutdown); the data stays, `start()` brings it back. */
  pause(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes the folder. */
  stop(): Promise<void>;
}

/** Whether this machine can run a cluster (skip with this reason otherwise). */
export function pgAvailable(): { ok: true } | { ok: false; reason: string } {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    return { ok: false, reason: `no PostgreSQL server binaries in ${PG_BIN} (npm run setup)` };
  }
  return { ok: true };
}

/** A port nobody listens on right now: taken from the system, then given back. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Runs a server binary, as `postgres` when we are root. */
async function pgRun(bin: string, args: string[]): Promise<string> {
  const exe = path.join(PG_BIN, bin);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  const r = await run(cmd, argv, { timeout: 60_000 });
  return r.stdout;
}

export async function startPgCluster(
  options: { database?: string; user?: string } = {},
): Promise<PgCluster> {
  const database = options.database ?? 'kiosk';
  const user = options.user ?? 'kiosk';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  fs.mkdirSync(socketDir);
  if (isRoot()) {
    // The postgres user must own the cluster and be able to reach the temp folder.
    fs.chmodSync(root, 0o755);
    spawnSync('chown', ['-R', 'postgres:postgres', root]);
  }
  const port = await freePort();
  await pgRun('initdb', [
    '-D',
    dataDir,
    '-U',
    user,
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const settings = [
    `-p ${port}`,
    `-k ${socketDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
  ].join(' ');
  const logFile = path.join(root, 'server.log');

  const start = async (): Promise<void> => {
    await pgRun('pg_ctl', [
      '-D',
      dataDir,
      '-o',
      settings,
      '-l',
      logFile,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  };
  const pause = async (): Promise<void> => {
    await pgRun('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  };

  await start();
  try {
    await pgRun('createdb', ['-h', socketDir, '-p', String(port), '-U', user, database]);
  } catch (err) {
    await pause().catch(() => undefined);
    throw err;
  }
  let stopped = false;
  return {
    url: `postgres://${user}@127.0.0.1:${port}/${database}`,
    host: '127.0.0.1',
    port,
    socketDir,
    dataDir,
    database,
    user,
    pause,
    start,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pause().catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
