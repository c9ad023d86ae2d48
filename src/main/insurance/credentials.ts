/** The password as the gateway wants it: MD5 hex, upper case by default (the guide) or lower. */
import { createHash } from 'node:crypto';

export function passwordHash(
  plain: string | null,
  md5: string | null,
  letterCase: 'upper' | 'lower',
): string | null {
  const hex =
    md5 ?? (plain !== null ? createHash('md5').update(plain, 'utf8').digest('hex') : null);
  if (hex === null) return null;
  return letterCase === 'upper' ? hex.toUpperCase() : hex.toLowerCase();
}
