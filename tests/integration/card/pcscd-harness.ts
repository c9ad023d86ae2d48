/**
 * Runs a private pcscd for the tests: its own reader.conf.d (vpcd on a free TCP port instead of
 * the system's 35963) and its own socket. pcscd 1.9 always creates /run/pcscd/pcscd.comm (only
 * the client library honours PCSCLITE_CSOCK_NAME), so the daemon runs in a private mount
 * namespace where a temp folder is bind-mounted over /run/pcscd; the test process then reaches
 * it through PCSCLITE_CSOCK_NAME=<temp>/pcscd.comm. A system pcscd, if any, is left alone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Why the real-stack tests cannot run here, or null when they can. */
export function pcscdSkipReason(): string | null {
  if (process.platform !== 'linux') return 'pcscd tests run on Linux only';
  if (!which('pcscd')) return 'pcscd is not installed (apt-get install pcscd)';
  if (!existsSync(VPCD_DRIVER))
    return 'vsmartcard-vpcd is not installed (apt-get install vsmartcard-vpcd)';
  if (!which('unshare')) return 'unshare (util-linux) is not installed';
  if (process.getuid?.() !== 0) return 'a private pcscd needs root (mount namespace)';
  const probe = spawnSync('unshare', ['--mount', 'true']);
  if (probe.status !== 0) return 'mount namespaces are not permitted here';
  return null;
}

async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 36000 + Math.floor(Math.random() * 10000) * 2;
    if ((await portFree(port)) && (await portFree(port + 1))) return port;
  }
  throw new Error('no free TCP port pair for vpcd');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '0.0.0.0', () => s.close(() => resolve(true)));
  });
}

function canConnect(opts: net.NetConnectOpts): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createConnection(opts);
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    s.setTimeout(500, () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PcscdHarness {
  /** Path for PCSCLITE_CSOCK_NAME. */
  socketPath: string;
  /** vpcd's TCP port for slot 00 00 (slot 00 01 is port + 1). */
  vpcdPort: number;
  readerName: string;
  start(): Promise<void>;
  /** SIGKILL, like a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function createPcscdHarness(): Promise<PcscdHarness> {
  const root = mkdtempSync(join(tmpdir(), 'pcscd-test-'));
  const runDir = join(root, 'run');
  const confDir = join(root, 'reader.conf.d');
  mkdirSync(runDir);
  mkdirSync(confDir);
  mkdirSync('/run/pcscd', { recursive: true });
  const vpcdPort = await freePortPair();
  const channel = `0x${vpcdPort.toString(16).toUpperCase()}`;
  writeFileSync(
    join(confDir, 'vpcd'),
    `FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:${channel}\nLIBPATH      ${VPCD_DRIVER}\nCHANNELID    ${channel}\n`,
  );
  const socketPath = join(runDir, 'pcscd.comm');
  let child: ChildProcess | null = null;

  const waitExit = async (): Promise<void> => {
    const c = child;
    if (!c) return;
    if (c.exitCode === null && c.signalCode === null) {
      await new Promise<void>((r) => c.once('exit', () => r()));
    }
    child = null;
  };

  const harness: PcscdHarness = {
    socketPath,
    vpcdPort,
    readerName: 'Virtual PCD 00 00',
    async start() {
      rmSync(socketPath, { force: true });
      rmSync(join(runDir, 'pcscd.pid'), { force: true });
      child = spawn(
        'unshare',
        [
          '--mount',
          '--propagation',
          'private',
          'sh',
          '-c',
          `mount --bind "${runDir}" /run/pcscd && exec pcscd --foreground --error -c "${confDir}"`,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr?.on('data', (d) => (stderr += String(d)));
      for (let i = 0; i < 100; i++) {
        if (child.exitCode !== null) throw new Error(`pcscd exited: ${stderr.trim()}`);
        if (
          existsSync(socketPath) &&
          (await canConnect({ path: socketPath })) &&
          (await canConnect({ host: '127.0.0.1', port: vpcdPort }).then(() => true))
        ) {
          return;
        }
        await sleep(50);
      }
      throw new Error(`pcscd did not come up: ${stderr.trim()}`);
    },
    async kill() {
      child?.kill('SIGKILL');
      await waitExit();
    },
    async stop() {
      child?.kill('SIGTERM');
      await waitExit();
    },
    async dispose() {
      await harness.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return harness;
}
