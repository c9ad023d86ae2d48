/**
 * PC/SC failures as KioskErrors. pcsclite's errors are plain Errors whose message ends with the
 * PC/SC return code, e.g. `SCardConnect error: Sharing violation.(0x8010000b)`.
 */
import { KioskError, kioskError } from '../../../shared/errors';

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

export const cardErrors = {
  busy: (reader: string) =>
    kioskError(
      'CARD_READER_BUSY',
      'Đầu đọc đang đọc một thẻ. Vui lòng chờ trong giây lát.',
      'The reader is already reading a card. Please wait a moment.',
      { detail: `reader ${reader} busy`, retryable: true },
    ),
  noCard: (reader: string) =>
    kioskError(
      'CARD_NO_CARD',
      'Chưa có thẻ trên đầu đọc. Vui lòng đặt thẻ CCCD lên đầu đọc.',
      'There is no card on the reader. Please place the CCCD card on the reader.',
      { detail: `no card in ${reader}`, retryable: true },
    ),
  removed: (detail: string, cause?: unknown) =>
    kioskError(
      'CARD_REMOVED',
      'Thẻ đã bị nhấc ra khi đang đọc. Vui lòng đặt lại thẻ và giữ yên cho đến khi đọc xong.',
      'The card was taken away while it was being read. Place it again and hold it still until reading finishes.',
      { detail, retryable: true, cause },
    ),
  timeout: (timeoutMs: number) =>
    kioskError(
      'CARD_TIMEOUT',
      'Thẻ không trả lời kịp. Vui lòng đặt lại thẻ và thử lại.',
      'The card did not answer in time. Place it on the reader again and try again.',
      { detail: `no answer within ${timeoutMs} ms`, retryable: true },
    ),
  sharingViolation: (reader: string, cause?: unknown) =>
    kioskError(
      'CARD_READER_IN_USE',
      'Một chương trình khác đang giữ đầu đọc thẻ. Hãy đóng chương trình đó hoặc gọi nhân viên.',
      'Another program holds the reader. Close that program or call a member of staff.',
      { detail: `SCARD_E_SHARING_VIOLATION on ${reader}`, retryable: true, cause },
    ),
  readerNotFound: (reader: string) =>
    kioskError(
      'CARD_READER_NOT_FOUND',
      'Không tìm thấy đầu đọc thẻ. Vui lòng kiểm tra dây cắm hoặc gọi nhân viên.',
      'The card reader was not found. Check that it is plugged in, or call a member of staff.',
      { detail: `no reader named ${JSON.stringify(reader)}`, retryable: true },
    ),
  serviceUnavailable: (detail: string, cause?: unknown) =>
    kioskError(
      'CARD_PCSC_UNAVAILABLE',
      'Dịch vụ đầu đọc thẻ chưa chạy. Chương trình sẽ tự kết nối lại; nếu vẫn lỗi, hãy gọi nhân viên.',
      'The smart card service (pcscd) is not running. The app reconnects by itself; if this persists, call a member of staff.',
      { detail, retryable: true, cause },
    ),
  io: (detail: string, cause?: unknown) =>
    kioskError(
      'CARD_IO_ERROR',
      'Không giao tiếp được với thẻ. Vui lòng đặt lại thẻ và thử lại.',
      'Could not talk to the card. Place it on the reader again and try again.',
      { detail, retryable: true, cause },
    ),
};

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
