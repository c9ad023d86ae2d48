import type { KioskErrorShape } from '../../../shared/errors';

/** A typed error from main, as the renderer sees it: the shape plus Error's stack. */
export class ApiError extends Error {
  readonly shape: KioskErrorShape;
  constructor(shape: KioskErrorShape) {
    super(`${shape.code}: ${shape.message.en}`);
    this.name = 'ApiError';
    this.shape = shape;
  }
  get code(): string {
    return this.shape.code;
  }
}

export function transportError(detail: string): ApiError {
  return new ApiError({
    code: 'APP_DISCONNECTED',
    message: {
      vi: 'Mất kết nối với máy chủ của ki-ốt. Vui lòng gọi nhân viên.',
      en: 'Lost the connection to the kiosk service. Please call staff.',
    },
    detail,
    retryable: true,
  });
}
