/** The print failures a person may see. All but PRINT_BAD_INPUT may succeed when tried again. */
import { kioskError, type KioskError } from '../../shared/errors';

type Extra = { detail?: string; cause?: unknown };

export const printErrors = {
  offline: (extra?: Extra): KioskError =>
    kioskError(
      'PRINT_OFFLINE',
      'Không kết nối được máy in. Kiểm tra máy in đã bật và nối mạng, rồi in lại.',
      'The printer cannot be reached. Check that it is on and connected, then print again.',
      { ...extra, retryable: true },
    ),
  noPaper: (extra?: Extra): KioskError =>
    kioskError(
      'PRINT_NO_PAPER',
      'Máy in hết giấy. Vui lòng thay cuộn giấy rồi in lại.',
      'The printer is out of paper. Please load a new roll, then print again.',
      { ...extra, retryable: true },
    ),
  timeout: (extra?: Extra): KioskError =>
    kioskError(
      'PRINT_TIMEOUT',
      'Máy in không phản hồi kịp. Vui lòng in lại hoặc gọi nhân viên.',
      'The printer did not respond in time. Please print again or call a member of staff.',
      { ...extra, retryable: true },
    ),
  unavailable: (extra?: Extra): KioskError =>
    kioskError(
      'PRINT_UNAVAILABLE',
      'Không in được bằng máy in hệ thống ở đây. Vui lòng gọi nhân viên.',
      'The system printer cannot be used here. Please call a member of staff.',
      { ...extra, retryable: true },
    ),
  fileFailed: (extra?: Extra): KioskError =>
    kioskError(
      'PRINT_FILE_FAILED',
      'Không lưu được phiếu (PDF). Vui lòng gọi nhân viên.',
      'The slip (PDF) could not be saved. Please call a member of staff.',
      { ...extra, retryable: true },
    ),
  renderFailed: (extra?: Extra): KioskError =>
    kioskError(
      'PRINT_RENDER_FAILED',
      'Không tạo được phiếu in. Vui lòng in lại hoặc gọi nhân viên.',
      'The slip could not be prepared. Please print again or call a member of staff.',
      { ...extra, retryable: true },
    ),
  badInput: (detail: string): KioskError =>
    kioskError(
      'PRINT_BAD_INPUT',
      `Yêu cầu in không hợp lệ: ${detail}`,
      `Invalid print request: ${detail}`,
      { detail, retryable: false },
    ),
};

/** Resolves with `work`, or rejects with `onTimeout()` after `ms`; the timer never keeps Node alive. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
