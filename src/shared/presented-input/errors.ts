/**
 * What can be wrong with what a person typed or a scanner sent, one stable code each, with the
 * sentence shown to the person in Vietnamese and English. Values, not throws: the parser never
 * throws, and a caller that must throw turns one into a KioskError (`toKioskError`).
 */
import { kioskError, type KioskError, type KioskErrorShape } from '../errors';

export type PresentedInputErrorCode =
  | 'INPUT_EMPTY'
  | 'INPUT_TOO_LONG'
  | 'INPUT_NOT_A_CARD'
  | 'INPUT_VNEID_QR'
  | 'INPUT_CCCD_QR_FIELDS'
  | 'INPUT_CCCD_QR_DOB'
  | 'INPUT_BHYT_QR_UNFINISHED'
  | 'INPUT_BHYT_QR_FIELDS'
  | 'INPUT_BHYT_QR_CODE'
  | 'INPUT_BHYT_QR_NAME'
  | 'INPUT_BHYT_QR_DOB'
  | 'INPUT_BHYT_QR_SEX'
  | 'INPUT_TYPED_OLD_CMND'
  | 'INPUT_TYPED_LENGTH'
  | 'INPUT_TYPED_BHYT';

const MESSAGES: Record<PresentedInputErrorCode, { vi: string; en: string }> = {
  INPUT_EMPTY: { vi: 'Chưa có số hay mã nào.', en: 'Nothing was typed or scanned.' },
  INPUT_TOO_LONG: {
    vi: 'Mã quá dài, không phải mã trên thẻ. Vui lòng quét lại.',
    en: 'The code is too long to be a card. Please scan again.',
  },
  INPUT_NOT_A_CARD: {
    vi: 'Mã này không phải mã QR trên thẻ căn cước hay thẻ BHYT. Vui lòng quét mã trên thẻ hoặc đến quầy tiếp đón.',
    en: 'This is not the QR code of a CCCD or a BHYT card. Scan the code on the card or go to the reception desk.',
  },
  INPUT_VNEID_QR: {
    vi: 'Mã QR của VNeID chỉ cán bộ kiểm tra bằng ứng dụng VNeID. Vui lòng đặt thẻ căn cước lên đầu đọc, quét mã trên thẻ BHYT (hoặc VssID), nhập số căn cước, hoặc đến quầy tiếp đón.',
    en: "A VNeID QR code can only be checked by an officer's VNeID app. Place your CCCD on the reader, scan your BHYT card (or VssID), type your ID number, or go to the reception desk.",
  },
  INPUT_CCCD_QR_FIELDS: {
    vi: 'Mã QR thẻ căn cước thiếu trường (cần ít nhất 7). Vui lòng quét lại.',
    en: 'The CCCD QR code has too few fields (at least 7 expected). Please scan again.',
  },
  INPUT_CCCD_QR_DOB: {
    vi: 'Ngày sinh trong mã QR thẻ căn cước không hợp lệ.',
    en: 'The date of birth in the CCCD QR code is not a date.',
  },
  INPUT_BHYT_QR_UNFINISHED: {
    vi: 'Mã QR thẻ BHYT chưa quét hết (thiếu dấu kết thúc $). Vui lòng quét lại.',
    en: 'The BHYT QR code was not scanned to its end (no closing $). Please scan again.',
  },
  INPUT_BHYT_QR_FIELDS: {
    vi: 'Mã QR thẻ BHYT thiếu trường (cần ít nhất 10). Vui lòng quét lại.',
    en: 'The BHYT QR code has too few fields (at least 10 expected). Please scan again.',
  },
  INPUT_BHYT_QR_CODE: {
    vi: 'Mã thẻ trong mã QR BHYT không phải 15 ký tự hay 10 chữ số.',
    en: 'The card code in the BHYT QR code is neither 15 characters nor 10 digits.',
  },
  INPUT_BHYT_QR_NAME: {
    vi: 'Không đọc được họ tên trong mã QR thẻ BHYT. Vui lòng quét lại hoặc đến quầy tiếp đón.',
    en: 'The name in the BHYT QR code cannot be read. Scan again or go to the reception desk.',
  },
  INPUT_BHYT_QR_DOB: {
    vi: 'Ngày sinh trong mã QR thẻ BHYT không hợp lệ.',
    en: 'The date of birth in the BHYT QR code is not a date.',
  },
  INPUT_BHYT_QR_SEX: {
    vi: 'Giới tính trong mã QR thẻ BHYT không phải 1 (nam) hay 2 (nữ).',
    en: 'The sex in the BHYT QR code is neither 1 (male) nor 2 (female).',
  },
  INPUT_TYPED_OLD_CMND: {
    vi: 'Số CMND 9 chữ số không dùng được. Vui lòng nhập số căn cước 12 chữ số.',
    en: 'The old 9-digit ID cannot be used. Type the 12-digit CCCD number.',
  },
  INPUT_TYPED_LENGTH: {
    vi: 'Hãy nhập số căn cước (12 chữ số), mã thẻ BHYT (15 ký tự) hoặc mã số BHXH (10 chữ số).',
    en: 'Type the CCCD number (12 digits), the BHYT card code (15 characters) or the social-insurance number (10 digits).',
  },
  INPUT_TYPED_BHYT: {
    vi: 'Mã thẻ BHYT gồm 2 chữ cái rồi 13 chữ số (ví dụ GD4 79 1234567890).',
    en: 'A BHYT card code is 2 letters then 13 digits (e.g. GD4 79 1234567890).',
  },
};

/** A KioskErrorShape with one of the codes above; `detail` names the field, never its value. */
export interface PresentedInputError extends KioskErrorShape {
  code: PresentedInputErrorCode;
}

export function inputError(code: PresentedInputErrorCode, detail?: string): PresentedInputError {
  return { code, message: MESSAGES[code], ...(detail ? { detail } : {}), retryable: false };
}

export const toKioskError = (e: PresentedInputError): KioskError =>
  kioskError(e.code, e.message.vi, e.message.en, e.detail ? { detail: e.detail } : undefined);
