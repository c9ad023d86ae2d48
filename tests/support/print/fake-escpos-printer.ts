/**
 * A network thermal printer for tests and benchmarks: listens on loopback TCP like port 9100,
 * records every connection's bytes as one job, and answers DLE EOT 4 (roll paper status) the
 * way its mode says. Jobs are decoded with escpos-decoder.ts.
 */
import net from 'node:net';

export type FakePrinterMode =
  /** answers status: paper present */
  | 'ok'
  /** answers status: roll paper end */
  | 'paper-out'
  /** answers status: paper near end (still prints) */
  | 'near-end'
  /** never answers status queries (many cheap printers), still prints */
  | 'silent'
  /** accepts the connection and closes it at once */
  | 'close'
  /** answers the first status query, then stops answering (jammed mid-job) */
  | 'stall';

const STATUS: Partial<Record<FakePrinterMode, number>> = {
  ok: 0x12,
  'paper-out': 0x72,
  'near-end': 0x1e,
  stall: 0x12,
};

export interface FakeEscposPrinter {
  host: string;
  port: number;
  mode: FakePrinterMode;
  /** Bytes of each finished connection, in order. */
  jobs: Uint8Array[];
  /** Resolves when `count` jobs have finished. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

export async function startFakeEscposPrinter(
  options: { mode?: FakePrinterMode; port?: number } = {},
): Promise<FakeEscposPrinter> {
  const sockets = new Set<net.Socket>();
  const waiters: (() => void)[] = [];
  const printer: FakeEscposPrinter = {
    host: '127.0.0.1',
    port: 0,
    mode: options.mode ?? 'ok',
    jobs: [],
    waitForJobs(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`fake printer: ${printer.jobs.length}/${count} jobs`)),
          timeoutMs,
        );
        const check = (): void => {
          if (printer.jobs.length >= count) {
            clearTimeout(timer);
            resolve(printer.jobs.slice(0, count));
          } else waiters.push(check);
        };
        check();
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const mode = printer.mode;
    if (mode === 'close') {
      socket.destroy();
      sockets.delete(socket);
      return;
    }
    const chunks: Buffer[] = [];
    let statusAnswers = 0;
    let tail: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // Real-time commands are acted on as they arrive, even in the middle of a job.
      for (const byte of chunk) {
        tail = [...tail.slice(-2), byte];
        if (tail.length === 3 && tail[0] === 0x10 && tail[1] === 0x04 && tail[2] === 4) {
          const answer = STATUS[mode];
          const allowed = mode === 'stall' ? statusAnswers === 0 : true;
          if (answer !== undefined && allowed) socket.write(Uint8Array.of(answer));
          statusAnswers++;
          tail = [];
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      printer.jobs.push(new Uint8Array(Buffer.concat(chunks)));
      for (const w of waiters.splice(0)) w();
    });
    socket.on('end', () => socket.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  printer.port = (server.address() as net.AddressInfo).port;
  return printer;
}
