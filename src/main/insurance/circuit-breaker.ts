/**
 * Stops calling a service that keeps failing: closed → open after `threshold` consecutive
 * failures → after `resetMs` one probe is let through (half-open) → closed on its success,
 * open again on its failure. Time comes from the injected clock so tests need not wait.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitTicket {
  probe: boolean;
}

export type Admission = { ok: true; ticket: CircuitTicket } | { ok: false; retryInMs: number };

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;

  constructor(
    private readonly threshold: number,
    private readonly resetMs: number,
    private readonly now: () => number,
  ) {}

  state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.probing || this.now() - this.openedAt >= this.resetMs ? 'half-open' : 'open';
  }

  consecutiveFailures(): number {
    return this.failures;
  }

  admit(): Admission {
    if (this.openedAt === null) return { ok: true, ticket: { probe: false } };
    const waited = this.now() - this.openedAt;
    if (!this.probing && waited >= this.resetMs) {
      this.probing = true;
      return { ok: true, ticket: { probe: true } };
    }
    // While a probe is out, others wait for its verdict rather than piling onto a sick service.
    return { ok: false, retryInMs: Math.max(0, this.resetMs - waited) };
  }

  success(_ticket: CircuitTicket): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  failure(ticket: CircuitTicket): void {
    if (ticket.probe) {
      this.probing = false;
      this.openedAt = this.now();
      return;
    }
    if (this.openedAt !== null) return; // a late failure from before the circuit opened
    this.failures++;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }

  /** The verdict of a request that got no verdict (cancelled): let the next one probe. */
  release(ticket: CircuitTicket): void {
    if (ticket.probe) this.probing = false;
  }
}
