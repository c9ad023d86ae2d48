/**
 * The chip protocol's errors, each with a sentence saying what to do. Reader-level errors
 * (card removed, no card, timeout) live in ../reader-errors (shared by PC/SC and the
 * simulator) and are re-exported here so protocol code has one place to look.
 */
import { kioskError, type KioskError } from '../../../shared/errors';
import { cardErrors } from '../reader-errors';

export { badTlv } from './tlv';
export { cardErrors };

export const protocolErrors = {
  wrongKey: (detail: string) =>
    kioskError(
      'CARD_WRONG_KEY',
      'Không mở được chip bằng thông tin đã nhập. Vui lòng quét lại mã QR trên thẻ hoặc kiểm tra số CCCD và ngày sinh.',
      'The chip did not accept the key. Scan the QR code on the card again, or check the ID number and date of birth.',
      { detail, retryable: true },
    ),
  notCccd: (detail: string) =>
    kioskError(
      'CARD_NOT_CCCD',
      'Thẻ này không phải thẻ Căn cước công dân gắn chip. Vui lòng đặt thẻ CCCD lên đầu đọc.',
      'This card is not a chip citizen ID card (CCCD). Please place a CCCD card on the reader.',
      { detail, retryable: true },
    ),
  smMac: (detail: string) =>
    kioskError(
      'CARD_SM_MAC',
      'Kết nối bảo mật với chip bị lỗi. Vui lòng nhấc thẻ ra, đặt lại và giữ yên.',
      'The secure connection to the chip failed. Take the card away, place it again and hold it still.',
      { detail, retryable: true },
    ),
  protocol: (detail: string, cause?: unknown) =>
    kioskError(
      'CARD_PROTOCOL',
      'Chip trả lời không như mong đợi. Vui lòng đặt lại thẻ và thử lại; nếu vẫn lỗi, hãy gọi nhân viên.',
      'The chip answered unexpectedly. Place the card again and retry; if it persists, call a member of staff.',
      { detail, retryable: true, cause },
    ),
  /** DG13 gave no 12-digit field 1: a layout we cannot read, never shown as a patient. */
  dataNoId: (detail: string) =>
    kioskError(
      'CARD_DATA_NO_ID',
      'Đọc được chip nhưng không tìm thấy số định danh 12 chữ số trong dữ liệu của thẻ, nên không thể dùng thẻ này để đăng ký.',
      'The chip was read, but its data holds no 12-digit ID number, so this card cannot be used to check in.',
      { detail, retryable: false },
    ),
  /** DG13's ID number differs from DG1's (MRZ): the chip's two records disagree. */
  dataMismatch: (detail: string) =>
    kioskError(
      'CARD_DATA_MISMATCH',
      'Số định danh trong chip không khớp giữa hai phần dữ liệu của thẻ (MRZ và thông tin cá nhân), nên không thể dùng thẻ này để đăng ký.',
      'The ID number on the chip differs between two parts of the card (the MRZ and the personal data), so this card cannot be used to check in.',
      { detail, retryable: false },
    ),
  cancelled: () =>
    kioskError('CARD_READ_CANCELLED', 'Đã huỷ việc đọc thẻ.', 'Reading the card was cancelled.', {
      detail: 'aborted by the caller',
      retryable: true,
    }),
} satisfies Record<string, (...args: never[]) => KioskError>;
