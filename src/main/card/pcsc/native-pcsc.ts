/**
 * The real PC/SC backend: @pokusew/pcsclite (the maintained fork of `pcsclite`, with prebuilt
 * N-API-free nan bindings that build against Node and, via electron-rebuild, Electron).
 *
 * Two traps handled here:
 * - Creating a PCSCLite instance while pcscd is down spins in SCardEstablishContext on the
 *   calling thread forever. On Linux we first try to connect to pcscd's socket and only create
 *   the instance when something answers.
 * - The native module is loaded lazily, so a machine without it (or with a build for another
 *   ABI) still runs the simulated reader; the PC/SC side then reports itself unavailable.
 */
import { createRequire } from 'node:module';
import net from 'node:net';
import type { PcscBackend, PcscContext } from './pcsc-api';

const require = createRequire(import.meta.url);

/** Where pcsc-lite's client library looks for the daemon (it honours PCSCLITE_CSOCK_NAME). */
export function pcscdSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PCSCLITE_CSOCK_NAME || '/run/pcscd/pcscd.comm';
}

/** Resolves true when pcscd accepts a connection on its socket within `timeoutMs`. */
export function probeUnixSocket(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ path });
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

type PcscFactory = () => PcscContext;

let factory: PcscFactory | null | undefined;
let loadError: string | null = null;

function loadFactory(): PcscFactory | null {
  if (factory !== undefined) return factory;
  try {
    factory = require('@pokusew/pcsclite') as PcscFactory;
  } catch (err) {
    factory = null;
    loadError = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
  return factory;
}

/** Why the native module could not be loaded, when it could not. */
export function nativeLoadError(): string | null {
  loadFactory();
  return loadError;
}

export function createNativePcscBackend(): PcscBackend {
  return {
    async available() {
      if (!loadFactory()) return false;
      // Windows and macOS start their smart card service on demand; only pcsc-lite needs the probe.
      if (process.platform !== 'linux') return true;
      return probeUnixSocket(pcscdSocketPath());
    },
    create() {
      const make = loadFactory();
      if (!make) throw new Error(`@pokusew/pcsclite could not be loaded: ${loadError}`);
      return make();
    },
  };
}
