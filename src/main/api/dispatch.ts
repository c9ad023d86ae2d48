/**
 * One entry point for every transport: name check, the station mode's allow-list, input
 * validation, the handler, and the conversion of any failure into a typed error shape that can
 * cross IPC or HTTP intact.
 */
import type { ApiHandlers, ApiResult, RequestName } from '../../shared/api-contract';
import { isRequestName } from '../../shared/api-contract';
import { kioskError, toErrorShape } from '../../shared/errors';
import type { StationMode } from '../../shared/domain';
import type { Logger } from '../logging/logger';
import { INPUT_SCHEMAS } from './input-schemas';
import { refuseForStation } from './station-guard';

export interface DispatchContext {
  /** The station mode of the screen asking: decides which requests it may make. */
  mode: StationMode;
  logger?: Logger;
}

export async function dispatchRequest(
  handlers: ApiHandlers,
  name: unknown,
  input: unknown,
  context: DispatchContext,
): Promise<ApiResult<unknown>> {
  const { logger } = context;
  if (!isRequestName(name)) {
    return {
      ok: false,
      error: kioskError('API_UNKNOWN_REQUEST', 'Yêu cầu không hợp lệ', 'Unknown request', {
        detail: typeof name === 'string' ? name.slice(0, 60) : typeof name,
      }).toShape(),
    };
  }
  // Before the input is looked at: a refused request learns nothing about what it would accept.
  const refused = refuseForStation(name, context.mode, logger);
  if (refused) return { ok: false, error: refused };
  const parsed = INPUT_SCHEMAS[name].safeParse(input ?? null);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'input';
    return {
      ok: false,
      error: kioskError(
        'API_BAD_INPUT',
        `Dữ liệu nhập không hợp lệ (${where}): ${issue?.message ?? ''}`,
        `Invalid input (${where}): ${issue?.message ?? ''}`,
        { detail: `${name}: ${where}` },
      ).toShape(),
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data ?? null);
    return { ok: true, value: value ?? null };
  } catch (err) {
    const shape = toErrorShape(err);
    // Codes only: messages and details may echo what the person typed.
    logger?.warn('request failed', { request: name as RequestName, code: shape.code });
    return { ok: false, error: shape };
  }
}
