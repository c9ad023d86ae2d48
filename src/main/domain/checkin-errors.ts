/** The check-in flow's own errors (CHECKIN_*); card, insurance, store and print errors pass through. */
import { kioskError, type KioskError } from '../../shared/errors';

export const checkinErrors = {
  busy: (step: string): KioskError =>
    kioskError(
      'CHECKIN_BUSY',
      'Đang làm thủ tục cho một người khác. Hãy hoàn tất hoặc hủy lượt đó trước.',
      'A check-in is already under way. Finish or cancel it first.',
      { detail: `step ${step}` },
    ),
  wrongStep: (action: string, step: string): KioskError =>
    kioskError(
      'CHECKIN_WRONG_STEP',
      'Thao tác này không dùng được ở bước hiện tại.',
      'That action is not available at this step.',
      { detail: `${action} during ${step}` },
    ),
  badInput: (field: string, vi: string, en: string): KioskError =>
    kioskError('CHECKIN_BAD_INPUT', vi, en, { detail: field }),
  unknownDepartment: (code: string): KioskError =>
    kioskError(
      'CHECKIN_UNKNOWN_DEPARTMENT',
      `Không có khoa/phòng mã "${code}" trong cấu hình.`,
      `There is no department "${code}" in the configuration.`,
      { detail: code },
    ),
  reprintLimit: (): KioskError =>
    kioskError(
      'CHECKIN_REPRINT_LIMIT',
      'Phiếu đã được in lại. Xin mời đến quầy tiếp đón nếu cần thêm.',
      'The slip was already printed again. Please see the reception desk for another.',
    ),
  laneNotHere: (lane: string): KioskError =>
    kioskError(
      'CHECKIN_LANE_NOT_HERE',
      `Luồng "${lane}" không chọn được tại máy này. Xin mời đến quầy tiếp đón.`,
      `The "${lane}" lane cannot be chosen at this station. Please see the reception desk.`,
      { detail: lane },
    ),
  unknownLane: (lane: string): KioskError =>
    kioskError(
      'CHECKIN_UNKNOWN_LANE',
      `Không có luồng ưu tiên "${lane}".`,
      `There is no priority lane "${lane}".`,
      { detail: lane },
    ),
  needsStaff: (why: string): KioskError =>
    kioskError(
      'CHECKIN_NEEDS_STAFF',
      'Cần nhân viên xác nhận trước khi lấy số. Vui lòng gọi nhân viên.',
      'A member of staff must confirm before a number is given. Please call staff.',
      { detail: why },
    ),
  staleCache: (cachedAt: string): KioskError =>
    kioskError(
      'CHECKIN_CACHE_STALE',
      'Không kết nối được cổng BHXH và kết quả lưu gần nhất đã quá cũ: nhân viên cần xác nhận thẻ BHYT.',
      'The insurance service cannot be reached and the last saved result is too old: staff must confirm the insurance card.',
      { detail: `cached at ${cachedAt}` },
    ),
  cachedCardEnded: (validTo: string): KioskError => {
    const [y, m, d] = validTo.split('-');
    const day = `${d}/${m}/${y}`;
    return kioskError(
      'CHECKIN_CACHE_CARD_ENDED',
      `Không kết nối được cổng BHXH và theo kết quả lưu gần nhất, thẻ BHYT chỉ có giá trị đến ${day}: nhân viên cần kiểm tra thẻ.`,
      `The insurance service cannot be reached and the last saved result shows the card valid only until ${day}: staff must check the card.`,
      { detail: 'card validity ended since the cached answer' },
    );
  },
  reEnter: (code: string): KioskError =>
    kioskError(
      'CHECKIN_INSURANCE_RE_ENTER',
      'Cổng BHXH báo thông tin chưa khớp (họ tên, ngày sinh hoặc số thẻ). Nhân viên cần kiểm tra lại.',
      'The insurance service says the details do not match (name, date of birth or card number). Staff must check them.',
      { detail: `code ${code}` },
    ),
  insuranceConfig: (code: string): KioskError =>
    kioskError(
      'CHECKIN_INSURANCE_CONFIG',
      'Kết nối cổng BHXH chưa được cấu hình đúng. Nhân viên cần quyết định cách tiếp nhận.',
      'The insurance service connection is not set up correctly. Staff must decide how to check this person in.',
      { detail: code },
    ),
  /** 054: the officer's ID is not among the facility's users registered with BHXH. */
  officerNotRegistered: (): KioskError =>
    kioskError(
      'CHECKIN_OFFICER_NOT_REGISTERED',
      'Cổng BHXH báo: số CCCD của cán bộ tra cứu (người đang đăng nhập) chưa được đăng ký với BHXH. Thẻ của người bệnh chưa được kiểm tra — không phải thẻ sai. Báo quản trị để đăng ký cán bộ.',
      "The insurance service says the checking officer's ID (the officer signed in) is not registered with BHXH. The patient's card was not checked — it is not a card problem. Ask the administrator to register the officer.",
      { detail: 'code 054' },
    ),
  /** 055: the officer's name does not match the ID BHXH has. */
  officerNameMismatch: (): KioskError =>
    kioskError(
      'CHECKIN_OFFICER_NAME_MISMATCH',
      'Cổng BHXH báo: họ tên cán bộ tra cứu (người đang đăng nhập) không khớp với số CCCD đã đăng ký. Thẻ của người bệnh chưa được kiểm tra — không phải thẻ sai. Đăng nhập lại với họ tên đúng như đã đăng ký.',
      "The insurance service says the checking officer's name (the officer signed in) does not match their registered ID. The patient's card was not checked — it is not a card problem. Sign in again with the name exactly as registered.",
      { detail: 'code 055' },
    ),
  /** The treatment history shows a stay at another facility with no discharge. */
  underTreatmentElsewhere: (facilityCode: string | null): KioskError =>
    kioskError(
      'CHECKIN_UNDER_TREATMENT_ELSEWHERE',
      `Theo lịch sử khám chữa bệnh, người bệnh đang điều trị tại cơ sở khác${facilityCode ? ` (${facilityCode})` : ''} và chưa ra viện: vui lòng đến bàn tiếp đón.`,
      `The treatment history shows a stay at another facility${facilityCode ? ` (${facilityCode})` : ''} with no discharge: please go to the reception desk.`,
      { detail: 'open stay elsewhere' },
    ),
  staffSignInRequired: (action: string): KioskError =>
    kioskError(
      'CHECKIN_STAFF_SIGN_IN_REQUIRED',
      'Cần cán bộ đăng nhập ca làm việc (đặt CCCD của mình lên đầu đọc hoặc nhập họ tên và số CCCD) trước thao tác này.',
      'A member of staff must sign in for the shift (their own ID card on the reader, or name and ID typed) before this action.',
      { detail: action },
    ),
  unknownCode: (code: string): KioskError =>
    kioskError(
      'CHECKIN_INSURANCE_UNKNOWN',
      'Cổng BHXH trả về một kết quả chưa biết. Nhân viên cần kiểm tra.',
      'The insurance service gave an answer this app does not know. Staff must check it.',
      { detail: `code ${code}` },
    ),
  notGenuine: (detail: string): KioskError =>
    kioskError(
      'CHECKIN_CARD_NOT_GENUINE',
      'Dữ liệu trên chip không qua được kiểm tra tính xác thực. Nhân viên cần kiểm tra thẻ.',
      'The chip data failed the authenticity check. Staff must check the card.',
      { detail },
    ),
  chipUnverified: (detail: string): KioskError =>
    kioskError(
      'CHECKIN_CHIP_UNVERIFIED',
      'Chưa xác minh được chip của thẻ (không có chứng thư CSCA phù hợp). Nhân viên cần kiểm tra thẻ.',
      'The card chip could not be verified (no matching CSCA certificate). Staff must check the card.',
      { detail },
    ),
  noCache: (): KioskError =>
    kioskError(
      'CHECKIN_NO_CACHE',
      'Chưa có kết quả BHYT nào được lưu cho người này.',
      'No saved insurance result exists for this person.',
    ),
  noReader: (): KioskError =>
    kioskError(
      'CHECKIN_NO_READER',
      'Không thấy đầu đọc thẻ nào. Hãy kiểm tra đầu đọc đã cắm.',
      'No card reader was found. Check that the reader is plugged in.',
      { retryable: true },
    ),
  nothingToRetry: (step: string): KioskError =>
    kioskError(
      'CHECKIN_NOTHING_TO_RETRY',
      'Không có bước nào để thử lại.',
      'There is nothing to try again.',
      { detail: `step ${step}` },
    ),
  visitNotFound: (id: string): KioskError =>
    kioskError(
      'CHECKIN_VISIT_NOT_FOUND',
      'Không tìm thấy lượt khám này.',
      'That visit was not found.',
      { detail: id },
    ),
  ticketNotSendable: (id: string): KioskError =>
    kioskError(
      'CHECKIN_TICKET_NOT_SENDABLE',
      'Chỉ chuyển được số của quầy tiếp đón đã hoàn tất giấy tờ và chưa được gọi, sang một khoa khác.',
      'Only a reception-desk number whose identity is complete and that has not been called can be sent on, to another department.',
      { detail: id },
    ),
  visitCancelled: (id: string): KioskError =>
    kioskError(
      'CHECKIN_VISIT_CANCELLED',
      'Lượt khám này đã bị hủy nên không in lại phiếu.',
      'That visit was cancelled, so its slip is not printed again.',
      { detail: id },
    ),
  notToday: (date: string): KioskError =>
    kioskError(
      'CHECKIN_REPRINT_NOT_TODAY',
      'Chỉ in lại phiếu của các lượt khám hôm nay.',
      'Only slips of today’s visits can be printed again.',
      { detail: date },
    ),
  discrepancyNotFound: (id: string): KioskError =>
    kioskError(
      'CHECKIN_DISCREPANCY_NOT_FOUND',
      'Không tìm thấy mục cần xử lý này.',
      'That flagged item was not found.',
      { detail: id },
    ),
  lookupBudget: (ms: number): KioskError =>
    kioskError(
      'CHECKIN_LOOKUP_SLOW',
      'Cổng BHXH trả lời chậm; sẽ kiểm tra lại sau.',
      'The insurance service is answering slowly; it will be checked again later.',
      { detail: `no answer within ${ms} ms`, retryable: true },
    ),
  printInterrupted: (): KioskError =>
    kioskError(
      'PRINT_INTERRUPTED',
      'Phiếu chưa in xong do máy tắt đột ngột. Hãy in lại phiếu.',
      'The slip was not finished: the station stopped while printing. Print it again.',
      { retryable: true },
    ),
  printTimeout: (ms: number): KioskError =>
    kioskError(
      'PRINT_TIMEOUT',
      'Máy in không phản hồi. Hãy kiểm tra máy in rồi in lại.',
      'The printer did not respond. Check the printer, then print again.',
      { detail: `no answer within ${ms} ms`, retryable: true },
    ),
};
