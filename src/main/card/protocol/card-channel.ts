/**
 * The one thing the chip reader needs from a reader: send a command APDU, get the response APDU
 * (data + SW1 SW2). PC/SC readers, the in-process simulated chip and test doubles implement it.
 */
export interface TransmitOptions {
  /** The transmit fails with CARD_TIMEOUT after this long. */
  timeoutMs: number;
}

export interface CardChannel {
  transmit(command: Uint8Array, options: TransmitOptions): Promise<Uint8Array>;
  /** Largest response data length this reader/card pair can carry in one APDU (default 256). */
  readonly maxResponseLength?: number;
  /** Whether extended-length APDUs may be sent (the ATR or reader says so). */
  readonly extendedLength?: boolean;
}
