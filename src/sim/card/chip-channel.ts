/**
 * A CardChannel straight onto a SimulatedChip, for tests and tools that need no reader model:
 * each transmit crosses an async boundary like real I/O, and `remove()` (or `removeAfter`)
 * makes further transmits fail with CARD_REMOVED as a card taken off the reader would.
 */
import type { CardChannel, TransmitOptions } from '../../main/card/protocol/card-channel';
import { cardErrors } from '../../main/card/pcsc/pcsc-errors';
import type { SimulatedChip } from './chip';

export interface ChipChannelOptions {
  /** Reported to the reader; default 65536 when the chip takes extended length, else 256. */
  maxResponseLength?: number;
  extendedLength?: boolean;
  /** The card is "taken away" after this many transmits (fault injection). */
  removeAfter?: number;
  /** Never answer (the transmit hangs until its timeout): a card that went silent. */
  silent?: boolean;
}

export class ChipChannel implements CardChannel {
  readonly maxResponseLength: number;
  readonly extendedLength: boolean;
  /** Transmits so far, and every command/response pair (tests inspect them). */
  transmits = 0;
  readonly log: Array<{ command: Uint8Array; response: Uint8Array }> = [];
  private removed = false;

  constructor(
    private readonly chip: SimulatedChip,
    private readonly options: ChipChannelOptions = {},
  ) {
    this.extendedLength = options.extendedLength ?? true;
    this.maxResponseLength = options.maxResponseLength ?? (this.extendedLength ? 65536 : 256);
  }

  remove(): void {
    this.removed = true;
  }

  async transmit(command: Uint8Array, options: TransmitOptions): Promise<Uint8Array> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.options.removeAfter !== undefined && this.transmits >= this.options.removeAfter) {
      this.removed = true;
    }
    if (this.removed) throw cardErrors.removed('card taken off the reader');
    this.transmits++;
    if (this.options.silent) {
      await new Promise((resolve) => setTimeout(resolve, options.timeoutMs));
      throw cardErrors.timeout(options.timeoutMs);
    }
    const response = this.chip.process(new Uint8Array(command));
    this.log.push({ command: new Uint8Array(command), response });
    return response;
  }
}
