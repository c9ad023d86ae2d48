/** A scriptable stand-in for @pokusew/pcsclite, shaped like the slice PcscService uses. */
import { EventEmitter } from 'node:events';
import type {
  Callback,
  PcscBackend,
  PcscContext,
  PcscReader,
} from '../../../src/main/card/pcsc/pcsc-api';

export const STATE_EMPTY = 0x10 | 0x2;
export const STATE_PRESENT = 0x20 | 0x2;
export const STATE_PRESENT_INUSE = 0x20 | 0x100 | 0x2;

export function pcscError(op: string, code: number): Error {
  return new Error(`${op} error: something.(0x${code.toString(16).padStart(8, '0')})`);
}

export class FakeReader extends EventEmitter implements PcscReader {
  connected = false;
  connects = 0;
  disconnects: number[] = [];
  closed = false;
  /** What connect answers: an error or a protocol. */
  connectResult: Error | number = 2;
  /** Answers a command; return null to never answer (a hung driver). */
  onTransmit: (apdu: Buffer) => Buffer | Error | null = () => Buffer.from([0x90, 0x00]);

  constructor(readonly name: string) {
    super();
  }

  status(state: number, atr?: number[]): void {
    this.emit('status', { state, ...(atr ? { atr: Buffer.from(atr) } : {}) });
  }

  connect(_o: { share_mode: number; protocol: number }, cb: Callback<number>): void {
    this.connects++;
    const r = this.connectResult;
    setImmediate(() => {
      if (r instanceof Error) cb(r, 0);
      else {
        this.connected = true;
        cb(null, r);
      }
    });
  }

  transmit(data: Buffer, _len: number, _p: number, cb: Callback<Buffer>): void {
    const r = this.onTransmit(data);
    if (r === null) return;
    setImmediate(() => (r instanceof Error ? cb(r, Buffer.alloc(0)) : cb(null, r)));
  }

  disconnect(disposition: number, cb: (err: Error | null) => void): void {
    this.disconnects.push(disposition);
    this.connected = false;
    setImmediate(() => cb(null));
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeContext extends EventEmitter implements PcscContext {
  closed = false;
  close(): void {
    this.closed = true;
  }
  addReader(name: string): FakeReader {
    const r = new FakeReader(name);
    this.emit('reader', r);
    return r;
  }
}

export class FakeBackend implements PcscBackend {
  up = true;
  contexts: FakeContext[] = [];
  async available(): Promise<boolean> {
    return this.up;
  }
  create(): FakeContext {
    const c = new FakeContext();
    this.contexts.push(c);
    return c;
  }
  get current(): FakeContext | undefined {
    return this.contexts[this.contexts.length - 1];
  }
}
