/**
 * The slice of @pokusew/pcsclite this project uses, as plain interfaces: the native module
 * satisfies them as is, and unit tests pass a fake. Constants are the PC/SC values (the same in
 * pcsc-lite, winscard.dll and macOS's PCSC framework).
 */

export interface PcscStatus {
  state: number;
  atr?: Uint8Array;
}

export type Callback<T> = (err: Error | null | undefined, value: T) => void;

export interface PcscReader {
  readonly name: string;
  on(event: 'status', listener: (status: PcscStatus) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  connect(options: { share_mode: number; protocol: number }, cb: Callback<number>): void;
  transmit(data: Buffer, resLen: number, protocol: number, cb: Callback<Buffer>): void;
  disconnect(disposition: number, cb: (err: Error | null | undefined) => void): void;
  close(): void;
}

/** One PCSCLite instance (one PC/SC context and its reader-list watcher). */
export interface PcscContext {
  on(event: 'reader', listener: (reader: PcscReader) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
  close(): void;
}

export interface PcscBackend {
  /**
   * Whether the PC/SC service answers at all. Creating a context while pcscd is down blocks the
   * thread (pcsclite retries SCardEstablishContext in a loop), so this is asked first.
   */
  available(): Promise<boolean>;
  create(): PcscContext;
}

export const SCARD_STATE = {
  UNAWARE: 0x0000,
  IGNORE: 0x0001,
  CHANGED: 0x0002,
  UNKNOWN: 0x0004,
  UNAVAILABLE: 0x0008,
  EMPTY: 0x0010,
  PRESENT: 0x0020,
  ATRMATCH: 0x0040,
  EXCLUSIVE: 0x0080,
  INUSE: 0x0100,
  MUTE: 0x0200,
} as const;

export const SCARD_SHARE_SHARED = 2;
export const SCARD_PROTOCOL_T0 = 1;
export const SCARD_PROTOCOL_T1 = 2;
export const SCARD_RESET_CARD = 1;

/** Response buffer for one transmit: the largest extended-length answer plus SW1 SW2. */
export const MAX_RESPONSE_BUFFER = 65536 + 2;
