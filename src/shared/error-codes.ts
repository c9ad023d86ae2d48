/**
 * Every error code that crosses a boundary (service -> API -> screen, CLI -> operator), each with
 * its kind: what the person at the screen can do about it. The codes' strings are stable (logs,
 * tests, the hospital's IT scripts match them); `kioskError` accepts only these, so a new code is
 * added here, with its kind, before it can be thrown. The renderer chooses its advice by kind
 * with an exhaustive switch (src/renderer/src/lib/error-advice.ts).
 */

/**
 * - chip-data: the chip was read but its own records lack or contradict the ID; no retry helps.
 * - card-contact: the card moved, left or did not answer; place it again.
 * - card-key: the chip refused the key (QR, ID number, date of birth); scan again.
 * - reader-setup: the reader or the card type is wrong; staff must look.
 * - insurance: the national lookup could not give an answer; the desk checks the card.
 * - system: printer, storage, configuration or the app itself; staff must look.
 * - request: a refused or failed request; try again when the error says it is retryable.
 */
export type ErrorKind =
  'chip-data' | 'card-contact' | 'card-key' | 'reader-setup' | 'insurance' | 'system' | 'request';

export const ERROR_CODES = {
  // The typed API between the screens and main.
  API_BAD_INPUT: 'request',
  API_FORBIDDEN: 'request',
  API_NOT_FOR_STATION: 'request',
  API_UNKNOWN_REQUEST: 'request',
  // The screen's own link to main.
  APP_DISCONNECTED: 'system',
  // The card reader and the chip (ICAO 9303 read).
  CARD_BAD_TLV: 'request',
  CARD_DATA_MISMATCH: 'chip-data',
  CARD_DATA_NO_ID: 'chip-data',
  CARD_IO_ERROR: 'card-contact',
  CARD_KEY_INVALID: 'card-key',
  CARD_KEY_NEEDS_DOB: 'card-key',
  CARD_NOT_CCCD: 'reader-setup',
  CARD_NO_CARD: 'card-contact',
  CARD_PACE_PASSWORD_UNSUPPORTED: 'card-key',
  CARD_PCSC_UNAVAILABLE: 'reader-setup',
  CARD_PROTOCOL: 'request',
  CARD_READER_BUSY: 'reader-setup',
  CARD_READER_IN_USE: 'reader-setup',
  CARD_READER_NOT_FOUND: 'reader-setup',
  CARD_READ_CANCELLED: 'request',
  CARD_REMOVED: 'card-contact',
  CARD_SM_MAC: 'request',
  CARD_SM_PADDING: 'request',
  CARD_TIMEOUT: 'card-contact',
  CARD_WRONG_KEY: 'card-key',
  // The check-in flow.
  CHECKIN_BAD_INPUT: 'request',
  CHECKIN_BUSY: 'request',
  CHECKIN_CACHE_CARD_ENDED: 'request',
  CHECKIN_CACHE_STALE: 'request',
  CHECKIN_CARD_NOT_GENUINE: 'request',
  CHECKIN_CHIP_UNVERIFIED: 'request',
  CHECKIN_DISCREPANCY_NOT_FOUND: 'request',
  CHECKIN_FACE_NOT_ASKED: 'request',
  CHECKIN_FACE_NOT_SEEN: 'request',
  CHECKIN_FACE_NO_MATCH: 'request',
  CHECKIN_FACE_REQUIRED: 'request',
  CHECKIN_INSURANCE_CONFIG: 'request',
  CHECKIN_INSURANCE_RE_ENTER: 'request',
  CHECKIN_INSURANCE_UNKNOWN: 'request',
  CHECKIN_LANE_NOT_HERE: 'request',
  CHECKIN_LOOKUP_SLOW: 'request',
  CHECKIN_NEEDS_STAFF: 'request',
  CHECKIN_NOTHING_TO_RETRY: 'request',
  CHECKIN_NO_CACHE: 'request',
  CHECKIN_NO_READER: 'request',
  CHECKIN_OFFICER_NAME_MISMATCH: 'system',
  CHECKIN_OFFICER_NOT_REGISTERED: 'system',
  CHECKIN_REPRINT_LIMIT: 'request',
  CHECKIN_REPRINT_NOT_TODAY: 'request',
  CHECKIN_STAFF_SIGN_IN_REQUIRED: 'request',
  CHECKIN_TICKET_NOT_SENDABLE: 'request',
  CHECKIN_UNDER_TREATMENT_ELSEWHERE: 'request',
  CHECKIN_UNKNOWN_DEPARTMENT: 'request',
  CHECKIN_UNKNOWN_LANE: 'request',
  CHECKIN_VISIT_CANCELLED: 'request',
  CHECKIN_VISIT_NOT_FOUND: 'request',
  CHECKIN_WRONG_STEP: 'request',
  // The configuration file.
  CONFIG_HIS_DISABLED: 'system',
  CONFIG_INVALID: 'system',
  CONFIG_UNREADABLE: 'system',
  // `kiosk doctor`.
  DOCTOR_FAILED: 'request',
  // The hand-off to the hospital's HIS (FHIR).
  HIS_DISABLED: 'request',
  HIS_NOTHING_TO_SEND: 'request',
  HIS_VISIT_UNKNOWN: 'request',
  // The national BHYT lookup (BHXH gateway).
  INSURANCE_AUTH: 'insurance',
  INSURANCE_BAD_ANSWER: 'insurance',
  INSURANCE_CANCELLED: 'insurance',
  INSURANCE_CIRCUIT_OPEN: 'insurance',
  INSURANCE_CONFIG: 'insurance',
  INSURANCE_DISABLED: 'insurance',
  INSURANCE_INVALID_QUERY: 'insurance',
  INSURANCE_NO_OFFICER: 'system',
  INSURANCE_TIMEOUT: 'insurance',
  INSURANCE_UNAVAILABLE: 'insurance',
  // Anything unexpected (never with its text).
  INTERNAL: 'system',
  // Slips and the printer.
  PRINT_BAD_INPUT: 'system',
  PRINT_FILE_FAILED: 'system',
  PRINT_INTERRUPTED: 'system',
  PRINT_NO_PAPER: 'system',
  PRINT_OFFLINE: 'system',
  PRINT_RENDER_FAILED: 'system',
  PRINT_TIMEOUT: 'system',
  PRINT_UNAVAILABLE: 'system',
  // Calling patients in.
  QUEUE_DEPARTMENT_NOT_IN_ROOM: 'request',
  QUEUE_NUMBER_INVALID: 'request',
  QUEUE_NUMBER_UNKNOWN: 'request',
  QUEUE_OTHER_ROOM: 'request',
  QUEUE_TRANSITION_INVALID: 'request',
  QUEUE_UNKNOWN_ROOM: 'request',
  QUEUE_VISIT_NOT_FOUND: 'request',
  // The simulators (developer panel).
  SIM_UNAVAILABLE: 'system',
  // Spoken calls.
  SPEECH_UNAVAILABLE: 'request',
  // Storage (SQLite, the hospital server).
  STORE_CANNOT_OPEN: 'system',
  STORE_CLOSED: 'system',
  STORE_CORRUPT: 'system',
  STORE_DENIED: 'system',
  STORE_EXPORT_FAILED: 'system',
  STORE_FAILED: 'system',
  STORE_FULL: 'system',
  STORE_IO: 'system',
  STORE_LOCKED: 'system',
  STORE_MIGRATION_PENDING: 'system',
  STORE_NOT_PERMITTED: 'system',
  STORE_NO_DATABASE: 'system',
  STORE_READONLY: 'system',
  STORE_TLS: 'system',
  STORE_TOO_NEW: 'system',
  STORE_UNREACHABLE: 'system',
  STORE_VISIT_NOT_FOUND: 'system',
  // The command line.
  USAGE_CONFIG_EXISTS: 'request',
  USAGE_INVALID: 'request',
  WEB_HOST_MODE_REFUSED: 'system',
  STAFF_BAD_INPUT: 'request',
  STAFF_CHIP_NOT_VERIFIED: 'request',
  STAFF_NO_CARD: 'card-contact',
  // Typed or scanned identity text (src/shared/presented-input): scan or type again.
  INPUT_BHYT_QR_CODE: 'card-key',
  INPUT_BHYT_QR_DOB: 'card-key',
  INPUT_BHYT_QR_FIELDS: 'card-key',
  INPUT_BHYT_QR_NAME: 'card-key',
  INPUT_BHYT_QR_SEX: 'card-key',
  INPUT_BHYT_QR_UNFINISHED: 'card-key',
  INPUT_CCCD_QR_DOB: 'card-key',
  INPUT_CCCD_QR_FIELDS: 'card-key',
  INPUT_EMPTY: 'card-key',
  INPUT_NOT_A_CARD: 'card-key',
  INPUT_TOO_LONG: 'card-key',
  INPUT_TYPED_BHYT: 'card-key',
  INPUT_TYPED_LENGTH: 'card-key',
  INPUT_TYPED_OLD_CMND: 'card-key',
  INPUT_VNEID_QR: 'card-key',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** The kind of a code, or null for one this build does not know (a newer main, say). */
export function errorKind(code: string): ErrorKind | null {
  return isErrorCode(code) ? ERROR_CODES[code] : null;
}
