import type { KioskErrorShape } from '../../../shared/errors';
import { toErrorShape } from '../../../shared/errors';
import { ApiError } from '../api';

/** Whatever an action threw, as the typed shape the screens turn into a sentence. */
export function asErrorShape(err: unknown): KioskErrorShape {
  return err instanceof ApiError ? err.shape : toErrorShape(err);
}
