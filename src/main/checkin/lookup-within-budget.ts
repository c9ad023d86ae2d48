/**
 * One lookup that the check-in waits for at most `budgetMs`. When the budget runs out the request
 * is abandoned (aborted) and the check-in goes on with the cache or "pending"; the re-check worker
 * asks again later without a budget. A service that ignores the abort cannot hold the check-in.
 */
import type { CheckingOfficer, InsuranceQuery } from '../../shared/domain';
import { toErrorShape } from '../../shared/errors';
import type { InsuranceService } from '../services-contract';
import { checkinErrors } from '../domain/checkin-errors';
import type { LookupAttempt } from '../domain/insurance-decision';

export async function lookupWithinBudget(
  insurance: InsuranceService,
  query: InsuranceQuery,
  budgetMs: number,
  cancel?: AbortSignal,
  officer?: CheckingOfficer | null,
): Promise<LookupAttempt> {
  const controller = new AbortController();
  const onCancel = (): void => controller.abort(cancel?.reason);
  cancel?.addEventListener('abort', onCancel, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<LookupAttempt>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error('check-in lookup budget exceeded'));
      resolve({ kind: 'no-answer', error: checkinErrors.lookupBudget(budgetMs).toShape() });
    }, budgetMs);
  });
  const options = officer === undefined ? {} : { officer };
  const answer = insurance.lookup(query, { signal: controller.signal, ...options }).then(
    (result): LookupAttempt => ({ kind: 'answered', result }),
    (err: unknown): LookupAttempt => ({ kind: 'no-answer', error: toErrorShape(err) }),
  );
  try {
    return await Promise.race([answer, budget]);
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  }
}
