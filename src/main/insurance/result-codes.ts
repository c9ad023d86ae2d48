/**
 * Every `maKetQua` of the reference table (§3 of the BHXH gateway reference, shared with the
 * team) and what the kiosk does with it. A code not listed here is 'unknown-code' and never lets
 * anyone check in with insurance: public clients treat only 000-004 as valid.
 */
import type { InsuranceOutcome, LocalizedText } from '../../shared/domain';

export interface ResultCodeMeaning {
  outcome: InsuranceOutcome;
  mayUseInsurance: boolean;
  /** Staff must look at the person or their papers before going on. */
  needsStaff: boolean;
  message: LocalizedText;
}

function entry(
  outcome: InsuranceOutcome,
  mayUseInsurance: boolean,
  needsStaff: boolean,
  vi: string,
  en: string,
): ResultCodeMeaning {
  return { outcome, mayUseInsurance, needsStaff, message: { vi, en } };
}

const reduced = (viWhy: string, enWhy: string): ResultCodeMeaning =>
  entry(
    'not-insured',
    false,
    false,
    `Thẻ BHYT đã bị báo giảm (${viWhy}): khám theo dịch vụ hoặc hỏi nhân viên.`,
    `The health insurance card was reported reduced (${enWhy}): self-pay, or ask staff.`,
  );

export const RESULT_CODES: Readonly<Record<string, ResultCodeMeaning>> = {
  '000': entry('insured', true, false, 'Thẻ BHYT hợp lệ.', 'The health insurance card is valid.'),
  '001': entry(
    'insured-with-notes',
    true,
    true,
    'Thẻ do BHXH Bộ Quốc phòng quản lý: nhân viên kiểm tra thẻ và giấy tờ tùy thân.',
    "Card managed by the Ministry of Defence's social security: staff check the card and papers.",
  ),
  '002': entry(
    'insured-with-notes',
    true,
    true,
    'Thẻ do BHXH Bộ Công an quản lý: nhân viên kiểm tra thẻ và giấy tờ tùy thân.',
    "Card managed by the Ministry of Public Security's social security: staff check the card and papers.",
  ),
  '003': entry(
    'replaced-card',
    true,
    false,
    'Thẻ cũ đã hết hạn và đã được cấp thẻ mới: khám bằng thẻ mới.',
    'The old card has expired and a new card was issued: use the new card.',
  ),
  '004': entry(
    'replaced-card',
    true,
    false,
    'Đã được cấp thẻ mới (thẻ cũ vẫn còn hạn): khám bằng thẻ mới.',
    'A new card was issued (the old one is still valid): use the new card.',
  ),
  '010': entry(
    'not-insured',
    false,
    false,
    'Thẻ BHYT đã hết hạn sử dụng: khám theo dịch vụ hoặc hỏi nhân viên.',
    'The health insurance card has expired: self-pay, or ask staff.',
  ),
  '050': entry(
    'not-insured',
    false,
    false,
    'Không tìm thấy thông tin thẻ BHYT: khám theo dịch vụ hoặc hỏi nhân viên.',
    'No health insurance card was found: self-pay, or ask staff.',
  ),
  '051': entry(
    're-enter',
    false,
    true,
    'Mã thẻ BHYT không đúng: kiểm tra và nhập lại.',
    'The health insurance card code is wrong: check it and enter it again.',
  ),
  '052': entry(
    're-enter',
    false,
    true,
    'Mã tỉnh trên thẻ (ký tự 4–5) không đúng: kiểm tra và nhập lại.',
    'The province code on the card (characters 4–5) is wrong: check it and enter it again.',
  ),
  '053': entry(
    're-enter',
    false,
    true,
    'Mã quyền lợi trên thẻ (ký tự 3) không đúng: kiểm tra và nhập lại.',
    'The benefit code on the card (character 3) is wrong: check it and enter it again.',
  ),
  '054': entry(
    'configuration-error',
    false,
    true,
    'Số CCCD của cán bộ tra cứu chưa được đăng ký với BHXH: báo quản trị hệ thống.',
    "The checking officer's ID is not registered with social security: tell the system administrator.",
  ),
  '055': entry(
    'configuration-error',
    false,
    true,
    'Họ tên cán bộ tra cứu không khớp với số CCCD đã đăng ký: báo quản trị hệ thống.',
    "The checking officer's name does not match their ID: tell the system administrator.",
  ),
  '060': entry(
    're-enter',
    false,
    true,
    'Họ tên không khớp với dữ liệu BHXH: nhân viên kiểm tra lại.',
    "The name does not match social security's records: staff must check it.",
  ),
  '061': entry(
    're-enter',
    false,
    true,
    'Họ tên không khớp với dữ liệu BHXH (đúng ký tự đầu): nhân viên kiểm tra lại.',
    "The name does not match social security's records (first letter right): staff must check it.",
  ),
  '070': entry(
    're-enter',
    false,
    true,
    'Ngày sinh không khớp với dữ liệu BHXH: nhân viên kiểm tra lại.',
    "The date of birth does not match social security's records: staff must check it.",
  ),
  '090': entry(
    're-enter',
    false,
    true,
    'Nơi đăng ký khám chữa bệnh ban đầu không đúng: nhân viên kiểm tra lại.',
    'The registered primary-care facility is wrong: staff must check it.',
  ),
  '100': entry(
    'retry-later',
    false,
    false,
    'Cổng BHXH lỗi khi đọc dữ liệu thẻ: thử lại sau ít phút.',
    'The social security service could not read the card register: try again in a few minutes.',
  ),
  '101': entry(
    'retry-later',
    false,
    false,
    'Cổng BHXH đang gặp lỗi: thử lại sau ít phút.',
    'The social security service has a server error: try again in a few minutes.',
  ),
  '110': entry(
    'not-insured',
    false,
    false,
    'Thẻ BHYT đã bị thu hồi: khám theo dịch vụ hoặc hỏi nhân viên.',
    'The health insurance card was revoked: self-pay, or ask staff.',
  ),
  '120': reduced('báo giảm', 'reported reduced'),
  '121': reduced('chuyển ngoại tỉnh', 'moved out of the province'),
  '122': reduced('chuyển nội tỉnh', 'moved within the province'),
  '123': reduced('tăng lại cùng đơn vị', 're-enrolled at the same employer'),
  '124': reduced('ngừng tham gia', 'stopped participating'),
  '130': entry(
    'not-insured',
    false,
    true,
    'Trẻ em chưa có thẻ BHYT: nhân viên hướng dẫn thủ tục.',
    'The child has no health insurance card yet: staff will explain what to do.',
  ),
  '205': entry(
    'configuration-error',
    false,
    true,
    'Cổng BHXH báo sai định dạng tham số: báo quản trị hệ thống.',
    'The social security service says a parameter has the wrong format: tell the system administrator.',
  ),
  '401': entry(
    'configuration-error',
    false,
    true,
    'Cổng BHXH từ chối tài khoản của bệnh viện: báo quản trị hệ thống.',
    "The social security service refused the hospital's account: tell the system administrator.",
  ),
  '500': entry(
    'retry-later',
    false,
    false,
    'Cổng BHXH đang gặp lỗi: thử lại sau ít phút.',
    'The social security service has a server error: try again in a few minutes.',
  ),
};

export function meaningOf(code: string): ResultCodeMeaning {
  return (
    RESULT_CODES[code] ??
    entry(
      'unknown-code',
      false,
      true,
      `Cổng BHXH trả mã kết quả chưa biết (${code}): nhân viên kiểm tra thẻ.`,
      `The social security service answered an unknown result code (${code}): staff must check the card.`,
    )
  );
}
