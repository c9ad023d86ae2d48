/**
 * PC/SC failures as KioskErrors. pcsclite's errors are plain Errors whose message ends with the
 * PC/SC return code, e.g. `SCardConnect error: Sharing violation.(0x8010000b)`.
 */
import { KioskError } from '../../../shared/errors';
import { cardErrors } from '../reader-errors';

/** Re-exported: PC/SC code and older callers find the reader-level errors here too. */
export { cardErrors };

export const SCARD = {
  E_CANCELLED: 0x80100002,
  E_INVALID_HANDLE: 0x80100003,
  E_UNKNOWN_READER: 0x80100009,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_PROTO_MISMATCH: 0x8010000f,
  F_COMM_ERROR: 0x80100013,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

/** The PC/SC return code inside a pcsclite error message, or null. */
export function pcscCode(err: unknown): number | null {
  const text = err instanceof Error ? err.message : String(err);
  const m = /\(0x([0-9a-f]{8})\)/i.exec(text);
  return m ? parseInt(m[1]!, 16) : null;
}

/** What a PC/SC error means for the person at the reader. */
export function fromPcscError(err: unknown, reader: string, op: string): KioskError {
  if (err instanceof KioskError) return err;
  const code = pcscCode(err);
  const hex = code === null ? 'unknown' : `0x${code.toString(16)}`;
  const detail = `${op} on ${reader} failed (${hex})`;
  switch (code) {
    case SCARD.E_SHARING_VIOLATION:
      return cardErrors.sharingViolation(reader, err);
    case SCARD.E_NO_SMARTCARD:
    case SCARD.W_REMOVED_CARD:
    case SCARD.W_RESET_CARD:
    case SCARD.W_UNPOWERED_CARD:
      return cardErrors.removed(detail, err);
    case SCARD.E_UNKNOWN_READER:
    case SCARD.E_READER_UNAVAILABLE:
      return cardErrors.readerNotFound(reader);
    case SCARD.E_NO_SERVICE:
    case SCARD.E_SERVICE_STOPPED:
    case SCARD.E_INVALID_HANDLE:
      return cardErrors.serviceUnavailable(detail, err);
    default:
      return cardErrors.io(detail, err);
  }
}

/** Errors after which the card may simply have gone: the caller checks the reader's state. */
export function mayMeanRemoved(err: KioskError): boolean {
  return err.code === 'CARD_IO_ERROR' || err.code === 'CARD_TIMEOUT';
}
