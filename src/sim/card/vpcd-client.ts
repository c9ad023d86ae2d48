/**
 * Puts a simulated chip into pcscd's "Virtual PCD" reader: vpcd (the vsmartcard driver loaded
 * by pcscd) listens on TCP (127.0.0.1:35963 by default) and treats whoever connects as the card
 * in its slot. Connected = card inserted; closing the socket = card removed. When pcscd or vpcd
 * restarts the socket drops and this client reconnects with backoff until stopped.
 */
import net from 'node:net';
import type { Logger } from '../../main/logging/logger';
import {
  VPCD_DEFAULT_PORT,
  VPCD_MAX_PAYLOAD,
  VpcdControl,
  VpcdFrameDecoder,
  encodeFrame,
  type VpcdMessage,
} from './vpcd-framing';

/** What vpcd needs from a card: an ATR at power-on and an answer to each command APDU. */
export interface VirtualCard {
  powerOn(): Uint8Array;
  process(apdu: Uint8Array): Uint8Array;
}

export interface VpcdClientOptions {
  card: VirtualCard;
  host?: string;
  port?: number;
  logger: Logger;
  /** Reconnect backoff. */
  retry?: { initialMs: number; maxMs: number };
  connectTimeoutMs?: number;
}

export type VpcdClientState = 'stopped' | 'connecting' | 'connected';

const SW_EXECUTION_ERROR = new Uint8Array([0x6f, 0x00]);

export class VpcdClient {
  private socket: net.Socket | null = null;
  private state: VpcdClientState = 'stopped';
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs: number;
  private atr: Uint8Array;
  private readonly listeners = new Set<(state: VpcdClientState) => void>();
  private readonly host: string;
  private readonly port: number;
  /** Command APDUs answered since start (for benchmarks and tests). */
  apdus = 0;

  constructor(private readonly opts: VpcdClientOptions) {
    this.host = opts.host ?? '127.0.0.1';
    this.port = opts.port ?? VPCD_DEFAULT_PORT;
    this.backoffMs = this.retry.initialMs;
    this.atr = opts.card.powerOn();
  }

  private get retry(): { initialMs: number; maxMs: number } {
    return this.opts.retry ?? { initialMs: 250, maxMs: 5000 };
  }

  get status(): VpcdClientState {
    return this.state;
  }

  get address(): string {
    return `${this.host}:${this.port}`;
  }

  onState(listener: (state: VpcdClientState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects (inserting the card) and keeps reconnecting until `stop`. */
  start(): void {
    if (this.state !== 'stopped') return;
    this.setState('connecting');
    this.connect();
  }

  /** Resolves once connected, false after `timeoutMs`. */
  waitConnected(timeoutMs: number): Promise<boolean> {
    if (this.state === 'connected') return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(false);
      }, timeoutMs);
      const off = this.onState((s) => {
        if (s !== 'connected') return;
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }

  /** Disconnects (the card leaves the reader) and stops reconnecting. */
  stop(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.setState('stopped');
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }

  private connect(): void {
    const socket = net.createConnection({ host: this.host, port: this.port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setTimeout(this.opts.connectTimeoutMs ?? 3000);
    const decoder = new VpcdFrameDecoder();
    socket.once('connect', () => {
      socket.setTimeout(0); // vpcd may stay silent for as long as nobody uses the reader
      this.backoffMs = this.retry.initialMs;
      this.opts.logger.info('vpcd connected', { address: this.address });
      this.setState('connected');
    });
    socket.on('timeout', () => socket.destroy(new Error('connect timeout')));
    socket.on('data', (chunk: Buffer) => {
      for (const message of decoder.push(chunk)) {
        const reply = this.handle(message);
        // The card may have been pulled (stop) while this command was being answered.
        if (this.socket !== socket) return;
        if (reply) socket.write(encodeFrame(reply));
      }
    });
    socket.on('error', (err) => {
      this.opts.logger.debug('vpcd socket error', { code: (err as NodeJS.ErrnoException).code });
    });
    socket.on('close', () => {
      if (this.socket !== socket) return; // stopped on purpose
      this.socket = null;
      if (this.state === 'connected')
        this.opts.logger.warn('vpcd disconnected', { address: this.address });
      this.setState('connecting');
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.state === 'stopped' || this.retryTimer) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.retry.maxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.state !== 'stopped') this.connect();
    }, delay);
  }

  private handle(message: VpcdMessage): Uint8Array | null {
    if (message.kind === 'control') {
      switch (message.code) {
        case VpcdControl.PowerOn:
        case VpcdControl.Reset:
          // A reset ends any secure-messaging session, like pulling power on a real chip.
          this.atr = this.opts.card.powerOn();
          return null;
        case VpcdControl.GetAtr:
          return this.atr;
        case VpcdControl.PowerOff:
        default:
          return null;
      }
    }
    this.apdus++;
    let response: Uint8Array;
    try {
      response = this.opts.card.process(message.apdu);
    } catch (err) {
      this.opts.logger.error('simulated chip failed', {
        error: err instanceof Error ? err.name : typeof err,
      });
      response = SW_EXECUTION_ERROR;
    }
    return response.length > VPCD_MAX_PAYLOAD ? SW_EXECUTION_ERROR : response;
  }

  private setState(state: VpcdClientState): void {
    if (this.state === state) return;
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}
