/** A handler table whose every request answers something recognisable, for transport tests. */
import type { ApiHandlers } from '../../../src/shared/api-contract';
import { REQUEST_NAMES } from '../../../src/shared/api-contract';
import { kioskError } from '../../../src/shared/errors';

export function fakeHandlers(calls: { name: string; input: unknown }[] = []): ApiHandlers {
  const table: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of REQUEST_NAMES) {
    table[name] = async (input) => {
      calls.push({ name, input });
      if (name === 'checkin.retry') {
        throw kioskError('CHECKIN_NOTHING_TO_RETRY', 'Không có gì để thử lại', 'Nothing to retry');
      }
      return { echo: name };
    };
  }
  return table as unknown as ApiHandlers;
}
