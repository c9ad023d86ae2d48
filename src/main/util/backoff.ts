/**
 * The one backoff of the background queues (insurance re-checks, the HIS hand-off): the delay
 * before attempt `attempts + 1` is base, 2×base, 4×base, ... capped at `maxMs`.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));
}
