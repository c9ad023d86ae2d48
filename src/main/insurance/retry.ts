/**
 * Back-off for what is safe to repeat. Both gateway calls are idempotent reads, but the service
 * rate-limits accounts, so: few attempts, exponential delay with jitter, never a tight loop.
 */
export interface RetryPolicy {
  retries: number;
  baseMs: number;
  /** Upper bound of one delay. */
  maxDelayMs?: number;
}

export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs ?? 8000, policy.baseMs * 2 ** attempt);
  // "Equal jitter": at least half the ceiling, so a retry never follows immediately.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  isRetryable: (err: unknown) => boolean,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (err) {
      if (attempt >= policy.retries || !isRetryable(err) || signal?.aborted) throw err;
      await sleep(backoffDelay(policy, attempt), signal);
    }
  }
}
