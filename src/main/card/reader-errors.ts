/**
 * Reader-level errors (busy, no card, card removed, timeout, reader missing, ...) that any
 * channel raises - PC/SC or the simulated reader - so the chip protocol can name them without
 * depending on the PC/SC code. PC/SC return codes are mapped to these in ./pcsc/pcsc-errors.
 */
import { kioskError } from '../../shared/errors';

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
