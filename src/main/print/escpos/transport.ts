/**
 * Handing ESC/POS bytes to a printer: raw TCP (port 9100, "JetDirect") or a device path
 * (/dev/usb/lp0, a serial port). Every step has a timeout; every failure is a retryable
 * KioskError: PRINT_OFFLINE (cannot reach it), PRINT_NO_PAPER (its sensor says so),
 * PRINT_TIMEOUT (reached but stopped answering).
 */
import { open } from 'node:fs/promises';
import net from 'node:net';
import { printErrors, withTimeout } from '../print-errors';
import { parsePaperStatus, statusRequest, type PaperStatus } from './commands';

export interface TransportTimeouts {
  /** Connect, write, and the answer to the status query after the job. */
  timeoutMs: number;
  /** First status query: printers that never answer are printed to after this long. */
  statusTimeoutMs: number;
}

export interface SendReport {
  /** Paper status before the job ('unknown' when the printer does not answer DLE EOT). */
  paper: PaperStatus;
  bytes: number;
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'ENOENT',
  'ENODEV',
  'ENXIO',
  'EACCES',
  'EPERM',
  'EBUSY',
  'EIO',
]);

function classify(err: unknown, where: string): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  if ((err as { code?: unknown }).code?.toString().startsWith('PRINT_')) return err as Error;
  if (OFFLINE_CODES.has(code))
    return printErrors.offline({ detail: `${where}: ${code}`, cause: err });
  return printErrors.offline({
    detail: `${where}: ${code || (err as Error)?.message}`,
    cause: err,
  });
}

/** A connected socket with a queue of received bytes, for status answers. */
class PrinterSocket {
  private received: number[] = [];
  private waiter: (() => void) | null = null;
  closed = false;

  constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const b of chunk) this.received.push(b);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    // Errors surface through write/close; without a listener Node would throw.
    socket.on('error', () => undefined);
  }

  write(bytes: Uint8Array | number[], ms: number): Promise<void> {
    if (this.closed) return Promise.reject(printErrors.offline({ detail: 'connection closed' }));
    const done = new Promise<void>((resolve, reject) => {
      this.socket.write(Uint8Array.from(bytes), (err) =>
        err ? reject(classify(err, 'write')) : resolve(),
      );
    });
    return withTimeout(done, ms, () =>
      printErrors.timeout({ detail: `write did not finish within ${ms} ms` }),
    );
  }

  /** Sends DLE EOT 4 and waits up to `ms` for one byte; null when none came. */
  async paperStatus(ms: number): Promise<PaperStatus | null> {
    this.received = [];
    await this.write(statusRequest(4), ms);
    const deadline = Date.now() + ms;
    while (this.received.length === 0 && !this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    if (this.received.length === 0) {
      throw printErrors.offline({ detail: 'printer closed the connection' });
    }
    return parsePaperStatus(this.received[0]!);
  }

  async end(ms: number): Promise<void> {
    if (this.closed) return;
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.end();
    await withTimeout(closed, ms, () => printErrors.timeout({ detail: 'close' })).catch(
      () => undefined,
    );
    this.socket.destroy();
  }
}

function connect(host: string, port: number, ms: number): Promise<PrinterSocket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(printErrors.offline({ detail: `connect to port ${port} timed out after ${ms} ms` }));
    }, ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      resolve(new PrinterSocket(socket));
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(classify(err, 'connect'));
    });
  });
}

export async function sendTcp(
  host: string,
  port: number,
  job: Uint8Array,
  t: TransportTimeouts,
): Promise<SendReport> {
  const printer = await connect(host, port, t.timeoutMs);
  try {
    const before = await printer.paperStatus(Math.min(t.statusTimeoutMs, t.timeoutMs));
    if (before === 'out') throw printErrors.noPaper({ detail: 'DLE EOT 4 before the job' });
    await printer.write(job, t.timeoutMs);
    if (before !== null) {
      // It answers status queries: ask again so that a printer that jammed or ran out during
      // the job is reported rather than taken as printed.
      const after = await printer.paperStatus(t.timeoutMs);
      if (after === null) {
        throw printErrors.timeout({
          detail: `no status answer within ${t.timeoutMs} ms after the job`,
        });
      }
      if (after === 'out') throw printErrors.noPaper({ detail: 'DLE EOT 4 after the job' });
    }
    return { paper: before ?? 'unknown', bytes: job.length };
  } finally {
    await printer.end(Math.min(1000, t.timeoutMs));
  }
}

/** Device files give no status back here: the write either completes or times out. */
export async function sendDevice(
  devicePath: string,
  job: Uint8Array,
  t: TransportTimeouts,
): Promise<SendReport> {
  let handle;
  try {
    handle = await withTimeout(open(devicePath, 'a'), t.timeoutMs, () =>
      printErrors.timeout({ detail: `opening the device took longer than ${t.timeoutMs} ms` }),
    );
  } catch (err) {
    throw classify(err, 'open device');
  }
  try {
    await withTimeout(handle.write(job), t.timeoutMs, () =>
      printErrors.timeout({ detail: `device write took longer than ${t.timeoutMs} ms` }),
    );
  } catch (err) {
    throw classify(err, 'write device');
  } finally {
    void handle.close().catch(() => undefined);
  }
  return { paper: 'unknown', bytes: job.length };
}
