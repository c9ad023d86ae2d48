/**
 * The ways a lookup can fail to get an answer, as KioskErrors. Details carry codes, statuses and
 * field names only: never the query, the answer's values, URLs (they hold the token and the
 * password hash) or the service's body.
 */
import { kioskError, type KioskError } from '../../shared/errors';

type Extra = { detail?: string; cause?: unknown };

export const insuranceErrors = {
  disabled: (): KioskError =>
    kioskError(
      'INSURANCE_DISABLED',
      'Tra cứu thẻ BHYT đang tắt.',
      'Health insurance checking is switched off.',
    ),
  config: (extra: Extra): KioskError =>
    kioskError(
      'INSURANCE_CONFIG',
      'Cấu hình kết nối cổng BHXH chưa đúng: báo quản trị hệ thống.',
      'The connection to the social security service is not configured correctly: tell the system administrator.',
      extra,
    ),
  invalidQuery: (detail: string): KioskError =>
    kioskError(
      'INSURANCE_INVALID_QUERY',
      'Thông tin tra cứu thẻ BHYT chưa đúng: kiểm tra số CCCD/số thẻ, họ tên và ngày sinh.',
      'The lookup details are not valid: check the ID or card number, the name and the date of birth.',
      { detail },
    ),
  timeout: (extra: Extra): KioskError =>
    kioskError(
      'INSURANCE_TIMEOUT',
      'Cổng BHXH trả lời quá chậm: tiếp tục tiếp đón, hệ thống sẽ kiểm tra lại sau.',
      'The social security service is too slow to answer: carry on, the card will be checked again later.',
      { ...extra, retryable: true },
    ),
  unavailable: (extra: Extra): KioskError =>
    kioskError(
      'INSURANCE_UNAVAILABLE',
      'Không kết nối được cổng BHXH: tiếp tục tiếp đón, hệ thống sẽ kiểm tra lại sau.',
      'The social security service cannot be reached: carry on, the card will be checked again later.',
      { ...extra, retryable: true },
    ),
  circuitOpen: (retryInSeconds: number): KioskError =>
    kioskError(
      'INSURANCE_CIRCUIT_OPEN',
      `Cổng BHXH đang lỗi liên tục: tạm ngừng tra cứu, thử lại sau khoảng ${retryInSeconds} giây.`,
      `The social security service keeps failing: lookups are paused, next try in about ${retryInSeconds} s.`,
      { detail: `circuit open, probe in ${retryInSeconds} s`, retryable: true },
    ),
  badAnswer: (extra: Extra): KioskError =>
    kioskError(
      'INSURANCE_BAD_ANSWER',
      'Cổng BHXH trả lời không đúng định dạng: thử lại sau hoặc báo quản trị hệ thống.',
      'The social security service gave an answer the kiosk cannot read: try again later or tell the system administrator.',
      { ...extra, retryable: true },
    ),
  auth: (extra: Extra): KioskError =>
    kioskError(
      'INSURANCE_AUTH',
      'Cổng BHXH từ chối đăng nhập: kiểm tra tài khoản, mật khẩu và địa chỉ IP của máy đã đăng ký với BHXH chưa.',
      "The social security service refused the login: check the account, the password, and whether this machine's IP address is registered with BHXH.",
      extra,
    ),
  noOfficer: (): KioskError =>
    kioskError(
      'INSURANCE_NO_OFFICER',
      'Chưa có cán bộ tra cứu: nhân viên đăng nhập ca làm việc (CCCD của mình) trước khi tra cứu thẻ BHYT.',
      'No checking officer: a member of staff signs in for the shift (with their own ID card) before cards are checked.',
      { detail: 'the 2024 API needs hoTenCb/cccdCb' },
    ),
  cancelled: (): KioskError =>
    kioskError('INSURANCE_CANCELLED', 'Đã hủy tra cứu thẻ BHYT.', 'The lookup was cancelled.'),
};
