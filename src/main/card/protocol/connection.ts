/**
 * One read's conversation with the card over a CardChannel: every transmit has a timeout and
 * honours the caller's AbortSignal, `61xx` is followed by GET RESPONSE, `6Cxx` is answered by
 * sending the command again with the exact Le, and once secure messaging is on every command
 * is wrapped and every response's MAC is checked. Counts APDUs and bytes for the read's stats.
 */
import { KioskError } from '../../../shared/errors';
import {
  commands,
  encodeCommand,
  needsExtended,
  parseResponse,
  type CommandApdu,
  type ResponseApdu,
} from './apdu';
import type { CardChannel } from './card-channel';
import { cardErrors, protocolErrors } from './errors';
import { maxPlainForResponse, type SecureMessaging } from './secure-messaging';

export interface ConnectionOptions {
  /** Per-APDU timeout; the channel gets it too, this is the backstop. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface ConnectionStats {
  apdus: number;
  /** Response bytes received (data + SW, as on the wire). */
  bytesIn: number;
}

/** Grace on top of the channel's own timeout before we give up on it ourselves. */
const BACKSTOP_MS = 250;
/** GET RESPONSE rounds before we call the card broken. */
const MAX_CHAINED = 64;

export class CardConnection {
  readonly stats: ConnectionStats = { apdus: 0, bytesIn: 0 };
  private sm: SecureMessaging | null = null;

  constructor(
    readonly channel: CardChannel,
    private readonly options: ConnectionOptions,
  ) {}

  get secure(): boolean {
    return this.sm !== null;
  }

  startSecureMessaging(sm: SecureMessaging): void {
    this.sm = sm;
  }

  endSecureMessaging(): void {
    this.sm = null;
  }

  /** Whether extended-length APDUs may be sent. */
  get extendedLength(): boolean {
    return this.channel.extendedLength === true;
  }

  /**
   * Largest plain Le for one command: what fits the channel's response limit (after SM overhead
   * when secure messaging is on), 256 at most without extended length.
   */
  maxPlainLe(): number {
    const limit = Math.min(
      this.channel.maxResponseLength ?? 256,
      this.extendedLength ? 65536 : 256,
    );
    if (!this.sm) return limit;
    return Math.min(
      maxPlainForResponse(limit, this.sm.blockSize),
      this.extendedLength ? 65536 : 256,
    );
  }

  throwIfAborted(): void {
    if (this.options.signal?.aborted) throw protocolErrors.cancelled();
  }

  /** Sends one command (wrapped when SM is on) and returns the (unwrapped) response. */
  async send(cmd: CommandApdu): Promise<ResponseApdu> {
    let response = await this.sendOnce(cmd);
    const sw1 = response.sw >> 8;
    if (sw1 === 0x6c && cmd.le !== undefined) {
      // Wrong Le: the card says how many bytes it has. One retry, with exactly that.
      response = await this.sendOnce({ ...cmd, le: response.sw & 0xff || 256 });
    }
    return response;
  }

  private async sendOnce(cmd: CommandApdu): Promise<ResponseApdu> {
    let bytes: Uint8Array;
    if (this.sm) {
      // Go extended when the wrapped response or command would not fit a short APDU.
      const shortPlain = maxPlainForResponse(256, this.sm.blockSize);
      const ext =
        this.extendedLength && ((cmd.le ?? 0) > shortPlain || (cmd.data?.length ?? 0) > shortPlain);
      bytes = this.sm.protectCommand(cmd, ext);
    } else {
      bytes = encodeCommand(cmd, needsExtended(cmd));
    }
    const raw = await this.exchange(bytes);
    return this.sm ? this.sm.unprotectResponse(raw) : raw;
  }

  /** One transmit plus any GET RESPONSE rounds, on the raw (possibly wrapped) bytes. */
  private async exchange(command: Uint8Array): Promise<ResponseApdu> {
    let response = parseResponse(await this.transmit(command));
    if (response.sw >> 8 !== 0x61) return response;
    const parts: Uint8Array[] = [response.data];
    for (let round = 0; response.sw >> 8 === 0x61; round++) {
      if (round >= MAX_CHAINED) throw protocolErrors.protocol('GET RESPONSE chain too long');
      const le = response.sw & 0xff || 256;
      response = parseResponse(await this.transmit(encodeCommand(commands.getResponse(le))));
      parts.push(response.data);
    }
    const total = parts.reduce((n, p) => n + p.length, 0);
    const data = new Uint8Array(total);
    let o = 0;
    for (const p of parts) {
      data.set(p, o);
      o += p.length;
    }
    return { data, sw: response.sw };
  }

  private async transmit(command: Uint8Array): Promise<Uint8Array> {
    this.throwIfAborted();
    const { timeoutMs, signal } = this.options;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(cardErrors.timeout(timeoutMs)), timeoutMs + BACKSTOP_MS);
      if (signal) {
        onAbort = () => reject(protocolErrors.cancelled());
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    this.stats.apdus++;
    try {
      const response = await Promise.race([this.channel.transmit(command, { timeoutMs }), guard]);
      this.stats.bytesIn += response.length;
      return response;
    } catch (err) {
      throw asKioskError(err);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }
}

function asKioskError(err: unknown): KioskError {
  if (err instanceof KioskError) return err;
  return protocolErrors.protocol('transmit failed', err);
}
