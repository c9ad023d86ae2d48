/**
 * Stand-in for a part of the PostgreSQL store that another module provides and that is not wired
 * in yet (calling patients in, HIS hand-off, lookup evidence): every method fails with
 * a typed STORE_UNSUPPORTED error naming the part, instead of doing something half right.
 * Remove once the part is wired in PostgresStore's `partsFor`.
 */
import { kioskError, type KioskError } from '../../../shared/errors';

function unsupported(part: string): KioskError {
  return kioskError(
    'STORE_UNSUPPORTED',
    `Chức năng "${part}" chưa có khi dùng máy chủ cơ sở dữ liệu của bệnh viện.`,
    `"${part}" is not available yet with the hospital's database server.`,
    { detail: `postgres: ${part}` },
  );
}

export function notYetOnServer<T extends object>(part: string): T {
  return new Proxy({} as T, {
    get: (_target, name) =>
      typeof name === 'string' && name !== 'then'
        ? () => Promise.reject(unsupported(part))
        : undefined,
  });
}
