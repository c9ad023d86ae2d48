/**
 * A CardChannel over a connected PC/SC reader. Every transmit races a timer: a reader or driver
 * that never answers must not hang the read. After a timeout or a failure the channel is dead
 * (the card's state is unknown, secure messaging counters are out of step), so later transmits
 * fail at once with the same error.
 */
import { KioskError } from '../../../shared/errors';
import type { CardChannel, TransmitOptions } from '../protocol/card-channel';
import { MAX_RESPONSE_BUFFER, type PcscReader } from './pcsc-api';
import { cardErrors, fromPcscError } from './pcsc-errors';

export interface PcscChannelOptions {
  reader: PcscReader;
  protocol: number;
  extendedLength: boolean;
  maxResponseLength: number;
  /** Counts APDUs and response bytes, for the read's stats. */
  onTransmit?: (sent: number, received: number) => void;
}

export class PcscChannel implements CardChannel {
  readonly extendedLength: boolean;
  readonly maxResponseLength: number;
  private failure: KioskError | null = null;

  constructor(private readonly opts: PcscChannelOptions) {
    this.extendedLength = opts.extendedLength;
    this.maxResponseLength = opts.maxResponseLength;
  }

  /** Marks the channel dead, e.g. when the reader reports the card gone. */
  fail(error: KioskError): void {
    this.failure ??= error;
  }

  get failed(): KioskError | null {
    return this.failure;
  }

  transmit(command: Uint8Array, options: TransmitOptions): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const { reader, protocol } = this.opts;
    return new Promise<Uint8Array>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        const err = cardErrors.timeout(options.timeoutMs);
        this.fail(err);
        reject(err);
      }, options.timeoutMs);
      try {
        reader.transmit(Buffer.from(command), MAX_RESPONSE_BUFFER, protocol, (err, response) => {
          if (settled) return; // answered after the timeout: ignored
          settled = true;
          clearTimeout(timer);
          if (err || !response || response.length < 2) {
            const failure = fromPcscError(
              err ?? new Error('short response'),
              reader.name,
              'transmit',
            );
            this.fail(failure);
            reject(failure);
            return;
          }
          this.opts.onTransmit?.(command.length, response.length);
          resolve(new Uint8Array(response));
        });
      } catch (err) {
        // The native binding throws synchronously when the reader is not connected any more.
        settled = true;
        clearTimeout(timer);
        const failure = fromPcscError(err, reader.name, 'transmit');
        this.fail(failure);
        reject(failure);
      }
    });
  }
}
