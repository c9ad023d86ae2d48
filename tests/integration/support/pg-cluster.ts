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
 *
 * `startPgCluster({ tls: true })` also makes, with `openssl` in the temp folder, a test CA, a
 * server certificate it signs (for 127.0.0.1 and localhost) and a second CA that signed nothing,
 * starts the server with `ssl=on`, and writes a pg_hba.conf where only the superuser may connect
 * over TCP without TLS; every other role must come over TLS (`hostssl`, password) — as on a
 * hospital's server, where the stations are not on the server's machine.
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
  /** With `tls: true`: the CA that signed the server's certificate, and one that did not. */
  tls?: { caFile: string; wrongCaFile: string };
}

/** Runs openssl with these arguments in `dir`. */
async function openssl(dir: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd: dir, timeout: 60_000 });
}

/**
 * A test CA, a server certificate and key it signed (SAN 127.0.0.1 and localhost), and a CA that
 * signed nothing. EC P-256 keys: quick to make.
 */
async function makeTestPki(dir: string): Promise<{ caFile: string; wrongCaFile: string }> {
  fs.mkdirSync(dir);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const caExt = [
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ];
  for (const name of ['ca', 'wrong-ca']) {
    await openssl(dir, [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-subj',
      `/CN=Kiosk ${name} (tests only)`,
      ...caExt,
    ]);
  }
  await openssl(dir, [
    'req',
    ...ec,
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=localhost',
  ]);
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  await openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '2',
    '-extfile',
    'server.ext',
  ]);
  fs.chmodSync(path.join(dir, 'server.key'), 0o600);
  return { caFile: path.join(dir, 'ca.crt'), wrongCaFile: path.join(dir, 'wrong-ca.crt') };
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
  options: { database?: string; user?: string; tls?: boolean } = {},
): Promise<PgCluster> {
  const database = options.database ?? 'kiosk';
  const user = options.user ?? 'kiosk';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  fs.mkdirSync(socketDir);
  const pkiDir = path.join(root, 'pki');
  const tls = options.tls ? await makeTestPki(pkiDir) : undefined;
  const hbaFile = path.join(root, 'pg_hba.conf');
  if (tls) {
    // First match wins: the superuser (the tests' owner) on loopback as before; anyone else only
    // over TLS with a password; no other line, so a role without TLS is refused.
    fs.writeFileSync(
      hbaFile,
      [
        `local   all ${user} trust`,
        `host    all ${user} 127.0.0.1/32 trust`,
        'hostssl all all 127.0.0.1/32 scram-sha-256',
        '',
      ].join('\n'),
    );
  }
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
    ...(tls
      ? [
          '-c ssl=on',
          `-c ssl_cert_file=${path.join(pkiDir, 'server.crt')}`,
          `-c ssl_key_file=${path.join(pkiDir, 'server.key')}`,
          `-c hba_file=${hbaFile}`,
        ]
      : []),
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
    ...(tls ? { tls } : {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pause().catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
