/**
 * Storage failures as typed KioskErrors. SQLite's result codes, PostgreSQL's SQLSTATE codes, the
 * network's and the file system's errno values are mapped once here so that every caller
 * (check-in, CLI, doctor) shows the same sentence whatever the engine.
 */
import { KioskError, kioskError } from '../../shared/errors';

interface Extra {
  detail?: string;
  cause?: unknown;
}

export const storeErrors = {
  full: (e: Extra = {}): KioskError =>
    kioskError(
      'STORE_FULL',
      'Ổ đĩa của máy đã đầy nên không lưu được dữ liệu. Lượt vừa rồi chưa được ghi; hãy gọi nhân viên kỹ thuật.',
      'The disk is full, so nothing could be saved. The last step was not recorded; please call technical staff.',
      e,
    ),
  readOnly: (e: Extra = {}): KioskError =>
    kioskError(
      'STORE_READONLY',
      'Cơ sở dữ liệu chỉ cho phép đọc (không có quyền ghi) nên không lưu được. Hãy gọi nhân viên kỹ thuật.',
      'The database is read-only (no permission to write), so nothing could be saved. Please call technical staff.',
      e,
    ),
  corrupt: (e: Extra = {}): KioskError =>
    kioskError(
      'STORE_CORRUPT',
      'Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của ứng dụng. Hãy gọi nhân viên kỹ thuật để khôi phục từ bản sao lưu.',
      'The database file is damaged or is not this app’s database. Please call technical staff to restore it from a backup.',
      e,
    ),
  locked: (e: Extra = {}): KioskError =>
    kioskError(
      'STORE_LOCKED',
      'Cơ sở dữ liệu đang bận (một chương trình khác đang ghi). Vui lòng thử lại sau giây lát.',
      'The database is busy (another program is writing to it). Please try again in a moment.',
      { ...e, retryable: true },
    ),
  tooNew: (found: number, supported: number, file: string): KioskError =>
    kioskError(
      'STORE_TOO_NEW',
      `Cơ sở dữ liệu ${file} do một phiên bản mới hơn của ứng dụng tạo ra (lược đồ ${found}, phiên bản này chỉ hiểu tới ${supported}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.`,
      `The database ${file} was written by a newer version of the app (schema ${found}; this version understands up to ${supported}). Update the app; the data was left untouched.`,
      { detail: `schema ${found} > ${supported}` },
    ),
  cannotOpen: (file: string, e: Extra = {}): KioskError =>
    kioskError(
      'STORE_CANNOT_OPEN',
      `Không mở được cơ sở dữ liệu ${file}. Hãy kiểm tra thư mục dữ liệu còn tồn tại và có quyền ghi.`,
      `Cannot open the database ${file}. Check that the data folder exists and is writable.`,
      e,
    ),
  io: (e: Extra = {}): KioskError =>
    kioskError(
      'STORE_IO',
      'Lỗi đọc/ghi ổ đĩa khi lưu dữ liệu. Lượt vừa rồi chưa được ghi; hãy thử lại hoặc gọi nhân viên kỹ thuật.',
      'A disk read/write error happened while saving. The last step was not recorded; try again or call technical staff.',
      { ...e, retryable: true },
    ),
  /** `server` is the URL with its password masked (never the password itself). */
  unreachable: (server: string, e: Extra = {}): KioskError =>
    kioskError(
      'STORE_UNREACHABLE',
      `Không kết nối được máy chủ cơ sở dữ liệu ${server}. Hãy kiểm tra mạng và máy chủ, rồi thử lại.`,
      `Cannot reach the database server ${server}. Check the network and the server, then try again.`,
      { ...e, retryable: true },
    ),
  denied: (server: string, e: Extra = {}): KioskError =>
    kioskError(
      'STORE_DENIED',
      `Máy chủ cơ sở dữ liệu ${server} từ chối đăng nhập (sai người dùng hoặc mật khẩu). Hãy kiểm tra store.postgres.url hoặc PGPASSWORD.`,
      `The database server ${server} refused the login (wrong user or password). Check store.postgres.url or PGPASSWORD.`,
      e,
    ),
  /**
   * The TLS to the server failed: its certificate is not signed by the configured CA or names
   * another host, it offers no TLS, or a TLS file of the configuration cannot be read. Not
   * "unreachable": working offline would hide a server (or someone in between) that must not be
   * trusted with the patients' data.
   */
  tls: (server: string, e: Extra = {}): KioskError =>
    kioskError(
      'STORE_TLS',
      `Kết nối bảo mật (TLS) tới máy chủ cơ sở dữ liệu ${server} thất bại: chứng chỉ của máy chủ không được CA đã cấu hình (store.postgres.caFile) xác nhận, hoặc máy chủ không bật TLS, hoặc không đọc được tệp chứng chỉ. Hãy gọi nhân viên kỹ thuật.`,
      `The secure (TLS) connection to the database server ${server} failed: its certificate is not vouched for by the configured CA (store.postgres.caFile), the server offers no TLS, or a certificate file cannot be read. Please call technical staff.`,
      e,
    ),
  /**
   * PostgreSQL refused the role this (SQLSTATE 42501, permission denied): a station's role holds
   * only its kind's rights, and migrating needs the database's owner (on PostgreSQL 15+ schema
   * public is no longer open to all).
   */
  notPermitted: (server: string, e: Extra = {}): KioskError =>
    kioskError(
      'STORE_NOT_PERMITTED',
      `Tài khoản cơ sở dữ liệu không có quyền làm việc này trên ${server} (PostgreSQL: permission denied). Tài khoản của máy trạm chỉ có quyền của loại máy đó: kiểm tra store.postgres.url; nâng cấp lược đồ cần tài khoản chủ sở hữu cơ sở dữ liệu (createdb --owner) hoặc quyền (GRANT) trên lược đồ public.`,
      `The database role may not do this on ${server} (PostgreSQL: permission denied). A station's role holds only its kind's rights: check store.postgres.url; migrating needs the database's owner (createdb --owner) or rights (GRANT) on schema public.`,
      e,
    ),
  /** The server's schema is older than this app's, and this station's role may not migrate it. */
  migrationPending: (found: number, latest: number, server: string): KioskError =>
    kioskError(
      'STORE_MIGRATION_PENDING',
      `Cơ sở dữ liệu ${server} đang ở lược đồ ${found}, phiên bản này cần ${latest}. Tài khoản của máy trạm không được nâng cấp: chạy "store migrate --owner-url" bằng tài khoản chủ sở hữu.`,
      `The database ${server} is at schema ${found}; this version needs ${latest}. A station's role may not migrate it: run "store migrate --owner-url" with the owner role.`,
      { detail: `schema ${found} < ${latest}` },
    ),
  /** PostgreSQL: the server answers but has no database of that name (SQLSTATE 3D000). */
  noDatabase: (server: string, e: Extra = {}): KioskError =>
    kioskError(
      'STORE_NO_DATABASE',
      `Máy chủ cơ sở dữ liệu ${server} không có cơ sở dữ liệu này. Hãy tạo nó (createdb --owner <người dùng> <tên>) hoặc sửa tên trong store.postgres.url.`,
      `The database server ${server} has no such database. Create it (createdb --owner <user> <name>) or correct the name in store.postgres.url.`,
      e,
    ),
  closed: (): KioskError =>
    kioskError('STORE_CLOSED', 'Cơ sở dữ liệu đã đóng.', 'The database has been closed.'),
  failed: (e: Extra = {}): KioskError =>
    kioskError(
      'STORE_FAILED',
      'Không lưu hoặc đọc được dữ liệu. Hãy gọi nhân viên kỹ thuật.',
      'Data could not be saved or read. Please call technical staff.',
      e,
    ),
};

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Network errno values that mean the server (or the way to it) is not there. */
const UNREACHABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs of a server going away or not taking connections besides class 08 (connection
 * exception): admin or crash shutdown, "cannot connect now" (starting up or shutting down), too
 * many clients.
 */
const PG_UNREACHABLE = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres's message when its client-side `query_timeout` fires (it has no code). */
export const QUERY_READ_TIMEOUT = 'Query read timeout';

/** node-postgres's own messages when a connection cannot be made or dies (no code on them). */
const LOST_CONNECTION = new RegExp(
  [
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error',
    'Connection refused',
    'connect ECONNREFUSED',
    QUERY_READ_TIMEOUT,
  ].join('|'),
  'i',
);

/**
 * Whether a raw failure (not yet a KioskError) means "the server cannot be reached": the one
 * decision that both maps an error to STORE_UNREACHABLE (toStoreError) and sends a station
 * offline (hospital/reachability.ts), so the two never disagree.
 */
export function isUnreachableFailure(err: unknown): boolean {
  const code = codeOf(err);
  if (UNREACHABLE_ERRNO.has(code)) return true;
  if (/^08[0-9A-Z]{3}$/.test(code) || PG_UNREACHABLE.has(code)) return true;
  if (!code && err instanceof Error) {
    if (LOST_CONNECTION.test(err.message)) return true;
    // AggregateError: Node tried every address of the host (IPv4 and IPv6) and each failed.
    const inner = (err as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.length > 0) return inner.every(isUnreachableFailure);
  }
  return false;
}

/** Five characters with a digit: a SQLSTATE, never an errno name (EPERM) nor SQLITE_*. */
function pgSqlState(code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code);
}

/** Node's TLS verification failures (and node-postgres's word for a server without TLS). */
const TLS_ERRNO = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function tlsFailure(err: unknown, code: string): boolean {
  if (TLS_ERRNO.has(code)) return true;
  const message = err instanceof Error ? err.message : '';
  return /server does not support SSL connections/i.test(message);
}

function fromPostgres(code: string, extra: Extra, location: string): KioskError {
  if (code === '28P01' || code === '28000') return storeErrors.denied(location, extra);
  // The server's own words: not SQLite's "data folder" nor "read-only file".
  if (code === '3D000') return storeErrors.noDatabase(location, extra);
  if (code === '42501') return storeErrors.notPermitted(location, extra);
  if (code === '53100') return storeErrors.full(extra);
  if (code === '25006') return storeErrors.readOnly(extra);
  if (code === 'XX001' || code === 'XX002') return storeErrors.corrupt(extra);
  // Serialisation failure, deadlock, lock or statement timeout: busy, worth a retry.
  if (code === '40001' || code === '40P01' || code === '55P03' || code === '57014')
    return storeErrors.locked(extra);
  return storeErrors.failed(extra);
}

/**
 * Any error from SQLite, PostgreSQL, the network or the file system as a STORE_* KioskError.
 * `during` names the operation for the log detail (never personal data: callers pass fixed words
 * like "check-in"); `file` is the SQLite file or the server's URL with its password masked.
 */
export function toStoreError(err: unknown, during: string, file = 'kiosk.sqlite'): KioskError {
  if (err instanceof KioskError) return err;
  const code = codeOf(err);
  const detail = `${during}: ${code || (err instanceof Error ? err.name : 'error')}`;
  const extra = { detail, cause: err };
  if (tlsFailure(err, code)) return storeErrors.tls(file, extra);
  if (isUnreachableFailure(err))
    return storeErrors.unreachable(file, { ...extra, detail: `${during}: unreachable` });
  if (pgSqlState(code)) return fromPostgres(code, extra, file);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT')
    return storeErrors.full(extra);
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM'
  ) {
    return storeErrors.readOnly(extra);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return storeErrors.corrupt(extra);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return storeErrors.locked(extra);
  if (code.startsWith('SQLITE_IOERR')) return storeErrors.io(extra);
  if (code.startsWith('SQLITE_CANTOPEN')) return storeErrors.cannotOpen(file, extra);
  return storeErrors.failed(extra);
}
