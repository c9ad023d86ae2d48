/**
 * Errors that cross a boundary (service -> API -> screen, or CLI -> operator) are plain values
 * with a stable code and a sentence for people in Vietnamese and English. They must survive
 * structured cloning (IPC) and JSON (web host), so they are data, not class instances. Codes
 * come from the registry in ./error-codes (a shape received from elsewhere keeps a plain string:
 * it may come from a newer main).
 */
import type { ErrorCode } from './error-codes';

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface KioskErrorShape {
  code: string;
  message: LocalizedText;
  /** Technical detail for logs and staff; never personal data. */
  detail?: string;
  /** True when trying the same thing again may succeed (timeout, card moved, service busy). */
  retryable?: boolean;
}

export class KioskError extends Error {
  readonly code: string;
  readonly localized: LocalizedText;
  readonly detail?: string;
  readonly retryable: boolean;

  constructor(shape: KioskErrorShape, options?: { cause?: unknown }) {
    super(`${shape.code}: ${shape.message.en}${shape.detail ? ` (${shape.detail})` : ''}`, options);
    this.name = 'KioskError';
    this.code = shape.code;
    this.localized = shape.message;
    this.detail = shape.detail;
    this.retryable = shape.retryable ?? false;
  }

  // The Error's own `message` is the English one-liner; `toShape` is what crosses boundaries.
  toShape(): KioskErrorShape {
    return {
      code: this.code,
      message: this.localized,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      retryable: this.retryable,
    };
  }
}

export function isKioskErrorShape(value: unknown): value is KioskErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v.message as Record<string, unknown> | undefined;
  return (
    typeof v.code === 'string' &&
    typeof m === 'object' &&
    m !== null &&
    typeof m.vi === 'string' &&
    typeof m.en === 'string'
  );
}

/** Any thrown value as a shape; unknown errors become INTERNAL without leaking their text. */
export function toErrorShape(err: unknown): KioskErrorShape {
  if (err instanceof KioskError) return err.toShape();
  if (isKioskErrorShape(err)) return err;
  return {
    code: 'INTERNAL',
    message: {
      vi: 'Đã có lỗi không mong muốn. Vui lòng gọi nhân viên hỗ trợ.',
      en: 'Something unexpected went wrong. Please call a member of staff.',
    },
    detail: err instanceof Error ? err.name : typeof err,
  };
}

export function kioskError(
  code: ErrorCode,
  vi: string,
  en: string,
  extra?: { detail?: string; retryable?: boolean; cause?: unknown },
): KioskError {
  return new KioskError(
    { code, message: { vi, en }, detail: extra?.detail, retryable: extra?.retryable },
    { cause: extra?.cause },
  );
}
