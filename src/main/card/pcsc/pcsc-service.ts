/**
 * PC/SC readers as the app sees them: a live list (readers come and go while the app runs),
 * card inserted/removed events, and `withCard` to run one read at a time per reader over a
 * shared connection that is always closed afterwards.
 *
 * pcsclite does not notice pcscd restarting (its context just dies) and does not re-detect a
 * re-plugged reader after that, so on any context error the whole PCSCLite instance is thrown
 * away and a new one is made with backoff until pcscd answers again.
 */
import { KioskError } from '../../../shared/errors';
import type { ReaderStatus } from '../../../shared/domain';
import type { Logger } from '../../logging/logger';
import {
  SCARD_PROTOCOL_T0,
  SCARD_PROTOCOL_T1,
  SCARD_RESET_CARD,
  SCARD_SHARE_SHARED,
  type PcscBackend,
  type PcscContext,
  type PcscReader,
  type PcscStatus,
} from './pcsc-api';
import { atrSupportsExtendedLength } from './atr';
import { PcscChannel } from './pcsc-channel';
import { cardErrors, fromPcscError, mayMeanRemoved, pcscCode } from './pcsc-errors';
import { atrHex, presenceChange, presenceOf, type CardPresence } from './reader-state';

export interface CardEvent {
  reader: string;
  change: 'inserted' | 'removed';
  atr?: string;
}

export interface PcscServiceOptions {
  backend: PcscBackend;
  logger: Logger;
  /** Reconnect backoff while pcscd is away. */
  retry?: { initialMs: number; maxMs: number };
  /** How long connect/disconnect may take before they count as failed. */
  controlTimeoutMs?: number;
  /** After a transmit fails, how long to wait for the reader to report the card gone. */
  removalSettleMs?: number;
  /** Readers not seen again this long after a reconnect are dropped. */
  staleReaderMs?: number;
  /** Extended-length APDUs: `auto` = when the ATR says the card takes them. */
  extendedLength?: 'auto' | 'on' | 'off';
}

interface ReaderEntry {
  name: string;
  handle: PcscReader | null;
  presence: CardPresence;
  atr?: Uint8Array;
  busy: boolean;
  channel: PcscChannel | null;
  /** Protocol of the last connection (pcsclite answers a connect on a live handle without one). */
  protocol: number;
  /** Resolvers waiting for this reader's card to be reported absent. */
  removalWaiters: Array<() => void>;
}

export interface WithCardInfo {
  atr: Uint8Array | undefined;
}

const SHORT_MAX_RESPONSE = 256;
const EXTENDED_MAX_RESPONSE = 65536;

export class PcscService {
  private readonly entries = new Map<string, ReaderEntry>();
  private readonly readerListeners = new Set<(readers: ReaderStatus[]) => void>();
  private readonly cardListeners = new Set<(event: CardEvent) => void>();
  private context: PcscContext | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private staleTimer: NodeJS.Timeout | null = null;
  private backoffMs: number;
  private closed = false;
  private started = false;
  private lastSnapshot = '';
  private readonly opts: Required<Omit<PcscServiceOptions, 'backend' | 'logger'>> &
    Pick<PcscServiceOptions, 'backend' | 'logger'>;

  constructor(options: PcscServiceOptions) {
    this.opts = {
      retry: { initialMs: 500, maxMs: 10_000 },
      controlTimeoutMs: 5000,
      removalSettleMs: 600,
      staleReaderMs: 2000,
      extendedLength: 'auto',
      ...options,
    };
    this.backoffMs = this.opts.retry.initialMs;
  }

  /** Starts watching; safe to call more than once. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.attach();
  }

  /** True while a PC/SC context is up (pcscd reachable). */
  get connected(): boolean {
    return this.context !== null;
  }

  readers(): ReaderStatus[] {
    return [...this.entries.values()]
      .map((e): ReaderStatus => {
        const state =
          e.handle === null || e.presence === 'unavailable'
            ? 'unavailable'
            : e.busy
              ? 'reading'
              : e.presence === 'present'
                ? 'card-present'
                : 'empty';
        const atr = e.presence === 'present' ? atrHex(e.atr) : undefined;
        return { name: e.name, kind: 'pcsc', state, ...(atr ? { atr } : {}) };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  onReadersChanged(listener: (readers: ReaderStatus[]) => void): () => void {
    this.readerListeners.add(listener);
    return () => this.readerListeners.delete(listener);
  }

  onCard(listener: (event: CardEvent) => void): () => void {
    this.cardListeners.add(listener);
    return () => this.cardListeners.delete(listener);
  }

  /**
   * Connects to the card in `readerName` (shared mode, T=0 or T=1), runs `fn` with a channel over
   * it, and disconnects whatever happens. One at a time per reader: a second call while the first
   * runs fails with CARD_READER_BUSY.
   */
  async withCard<T>(
    readerName: string,
    fn: (channel: PcscChannel, info: WithCardInfo) => Promise<T>,
  ): Promise<T> {
    const entry = this.entries.get(readerName);
    if (!entry || !entry.handle) {
      if (!this.context) throw cardErrors.serviceUnavailable('pcscd not reachable');
      throw cardErrors.readerNotFound(readerName);
    }
    if (entry.busy) throw cardErrors.busy(readerName);
    entry.busy = true;
    this.emitReaders();
    const handle = entry.handle;
    try {
      const answered = await this.connect(handle);
      const protocol = typeof answered === 'number' && answered > 0 ? answered : entry.protocol;
      entry.protocol = protocol;
      const atr = entry.atr;
      const mode = this.opts.extendedLength;
      const extended = mode === 'on' || (mode === 'auto' && atrSupportsExtendedLength(atr));
      const channel = new PcscChannel({
        reader: handle,
        protocol,
        extendedLength: extended,
        maxResponseLength: extended ? EXTENDED_MAX_RESPONSE : SHORT_MAX_RESPONSE,
      });
      entry.channel = channel;
      const result = await fn(channel, { atr });
      return result;
    } catch (err) {
      throw await this.explain(entry, err);
    } finally {
      entry.channel = null;
      // Reset: the chip's secure-messaging session ends with the read, so the next read (ours or
      // another program's) starts from a clean chip instead of one expecting SM-wrapped commands.
      await this.disconnect(handle, SCARD_RESET_CARD);
      entry.busy = false;
      // A reader unplugged during the read was kept for it; now it goes, unless pcscd itself is
      // away (then the reconnect decides which readers come back).
      if (entry.handle === null && this.context && this.entries.get(entry.name) === entry) {
        this.entries.delete(entry.name);
      }
      this.emitReaders();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.detach();
    this.entries.clear();
    this.readerListeners.clear();
    this.cardListeners.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private async attach(): Promise<void> {
    this.retryTimer = null;
    if (this.closed) return;
    let up = false;
    try {
      up = await this.opts.backend.available();
    } catch {
      up = false;
    }
    if (this.closed) return;
    if (!up) {
      this.scheduleRetry('pcscd not reachable');
      return;
    }
    let context: PcscContext;
    try {
      context = this.opts.backend.create();
    } catch (err) {
      this.scheduleRetry(`context: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.context = context;
    this.backoffMs = this.opts.retry.initialMs;
    this.opts.logger.info('pcsc context up');
    context.on('reader', (reader) => this.addReader(context, reader));
    context.on('error', (err) => this.lostContext(context, err));
    // Readers from before a restart that pcscd does not announce again are gone.
    if (this.entries.size > 0) {
      this.staleTimer = setTimeout(() => this.dropStaleReaders(), this.opts.staleReaderMs);
    }
    this.emitReaders(true);
  }

  private scheduleRetry(reason: string): void {
    if (this.closed || this.retryTimer) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.opts.retry.maxMs);
    this.opts.logger.debug('pcsc reconnect scheduled', { reason, delayMs: delay });
    this.retryTimer = setTimeout(() => void this.attach(), delay);
    this.retryTimer.unref?.();
  }

  private lostContext(context: PcscContext, err: Error): void {
    if (context !== this.context) return;
    const code = pcscCode(err);
    this.opts.logger.warn('pcsc context lost', {
      code: code === null ? null : `0x${code.toString(16)}`,
    });
    this.detach();
    this.emitReaders();
    this.scheduleRetry('context error');
  }

  /** Drops the current context and marks every known reader unavailable. */
  private detach(): void {
    const context = this.context;
    this.context = null;
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = null;
    for (const entry of this.entries.values()) {
      const handle = entry.handle;
      entry.handle = null;
      entry.presence = 'unavailable';
      entry.channel?.fail(cardErrors.serviceUnavailable('pcsc context lost'));
      if (handle) {
        handle.removeAllListeners();
        // Keep pcsclite's own listeners from throwing on an unhandled 'error' after we let go.
        handle.on('error', () => {});
        safely(() => handle.close());
      }
      this.resolveRemoval(entry);
    }
    if (context) {
      context.removeAllListeners();
      context.on('error', () => {});
      // Closing from inside pcsclite's own error callback is not safe: let it unwind first.
      setImmediate(() => safely(() => context.close()));
    }
  }

  private dropStaleReaders(): void {
    this.staleTimer = null;
    let changed = false;
    for (const [name, entry] of this.entries) {
      if (entry.handle === null && !entry.busy) {
        this.entries.delete(name);
        changed = true;
      }
    }
    if (changed) this.emitReaders();
  }

  private addReader(context: PcscContext, reader: PcscReader): void {
    if (context !== this.context) return;
    const name = reader.name;
    const entry: ReaderEntry = this.entries.get(name) ?? {
      name,
      handle: null,
      presence: 'absent',
      busy: false,
      channel: null,
      protocol: SCARD_PROTOCOL_T1,
      removalWaiters: [],
    };
    entry.handle = reader;
    entry.presence = 'absent';
    this.entries.set(name, entry);
    this.opts.logger.info('pcsc reader added', { reader: name });
    reader.on('status', (status) => this.onStatus(entry, reader, status));
    reader.on('end', () => {
      if (entry.handle !== reader) return;
      this.opts.logger.info('pcsc reader removed', { reader: name });
      if (entry.presence === 'present') this.emitCard({ reader: name, change: 'removed' });
      entry.channel?.fail(cardErrors.readerNotFound(name));
      entry.handle = null;
      entry.presence = 'unavailable';
      this.resolveRemoval(entry);
      if (!entry.busy) this.entries.delete(name);
      this.emitReaders();
    });
    reader.on('error', (err) => {
      if (entry.handle !== reader) return;
      const code = pcscCode(err);
      this.opts.logger.warn('pcsc reader error', {
        reader: name,
        code: code === null ? null : `0x${code.toString(16)}`,
      });
    });
    this.emitReaders();
  }

  private onStatus(entry: ReaderEntry, reader: PcscReader, status: PcscStatus): void {
    if (entry.handle !== reader) return;
    const before = entry.presence;
    const after = presenceOf(status.state);
    entry.presence = after;
    if (after === 'present') entry.atr = status.atr ? new Uint8Array(status.atr) : entry.atr;
    else entry.atr = undefined;
    const change = presenceChange(before, after);
    if (change === 'removed') {
      entry.channel?.fail(cardErrors.removed(`card left ${entry.name} during a read`));
      this.resolveRemoval(entry);
    }
    if (change) {
      const atr = atrHex(entry.atr);
      this.emitCard({ reader: entry.name, change, ...(atr ? { atr } : {}) });
    }
    this.emitReaders();
  }

  private resolveRemoval(entry: ReaderEntry): void {
    const waiters = entry.removalWaiters.splice(0);
    for (const w of waiters) w();
  }

  /**
   * Turns a failure during a read into what happened from the person's point of view: an I/O
   * error or timeout while the card was being lifted is CARD_REMOVED.
   */
  private async explain(entry: ReaderEntry, err: unknown): Promise<unknown> {
    const channel = entry.channel;
    if (!channel) return err; // connect failed: its own error says it (no card, in use, ...)
    // The protocol layer may wrap the channel's error in its own; the channel remembers the first.
    const failure = channel.failed ?? (err instanceof KioskError ? err : null);
    if (!failure) return err;
    // The reader itself went away (unplugged): say so, not "place the card again".
    if (failure.code === 'CARD_REMOVED' || failure.code === 'CARD_READER_NOT_FOUND') return failure;
    if (entry.handle === null && this.context) return cardErrors.readerNotFound(entry.name);
    if (mayMeanRemoved(failure) && entry.presence === 'present') {
      // The reader may report the removal a moment after the transmit failed.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.opts.removalSettleMs);
        entry.removalWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (entry.presence !== 'present') {
      return cardErrors.removed(`card left ${entry.name} during a read (${failure.code})`, err);
    }
    return err;
  }

  private connect(handle: PcscReader): Promise<number | undefined> {
    return withTimeout<number | undefined>(
      this.opts.controlTimeoutMs,
      () => cardErrors.io(`connect to ${handle.name} timed out`),
      (resolve, reject) => {
        try {
          handle.connect(
            { share_mode: SCARD_SHARE_SHARED, protocol: SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1 },
            (err, protocol) => {
              if (err) reject(connectError(err, handle.name));
              else resolve(protocol);
            },
          );
        } catch (err) {
          reject(connectError(err, handle.name));
        }
      },
    );
  }

  private async disconnect(handle: PcscReader, disposition: number): Promise<void> {
    try {
      await withTimeout<void>(
        this.opts.controlTimeoutMs,
        () => cardErrors.io(`disconnect from ${handle.name} timed out`),
        (resolve) => {
          try {
            // Errors here (card gone, pcscd gone) leave nothing to clean up on our side.
            handle.disconnect(disposition, () => resolve());
          } catch {
            resolve();
          }
        },
      );
    } catch (err) {
      this.opts.logger.warn('pcsc disconnect failed', {
        reader: handle.name,
        code: err instanceof KioskError ? err.code : 'unknown',
      });
    }
  }

  private emitCard(event: CardEvent): void {
    for (const l of this.cardListeners) l(event);
  }

  private emitReaders(force = false): void {
    const readers = this.readers();
    const snapshot = JSON.stringify(readers);
    // pcsclite repeats status events (INUSE, EXCLUSIVE bits...): only real changes go out.
    if (!force && snapshot === this.lastSnapshot) return;
    this.lastSnapshot = snapshot;
    for (const l of this.readerListeners) l(readers);
  }
}

function connectError(err: unknown, reader: string): KioskError {
  const mapped = fromPcscError(err, reader, 'connect');
  // Connecting to an empty reader is "no card", not "card removed".
  if (mapped.code === 'CARD_REMOVED') return cardErrors.noCard(reader);
  return mapped;
}

function withTimeout<T>(
  ms: number,
  onTimeout: () => Error,
  body: (resolve: (v: T) => void, reject: (e: unknown) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      reject(onTimeout());
    }, ms);
    body(
      (v) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Closing something that is already gone.
  }
}
