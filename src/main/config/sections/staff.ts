import { z } from 'zod';

/**
 * Desk officers signing in for their shift (issue 22): their name and ID go with every lookup
 * the desk makes (hoTenCb / cccdCb) and with every staff action in the audit trail.
 */
export const staffSchema = z
  .object({
    /**
     * Staff actions at a desk (manual identity, override, cancel, reprint, HIS resend,
     * discrepancy resolved) need a signed-in officer, and the desk's lookups carry that officer
     * instead of insurance.officer. Off: the desk works without sign-in, as before.
     */
    signInRequired: z.boolean(),
    /** A signed-in officer is signed out after this long without a staff action. */
    idleMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  })
  .strict();

export const staffDefaults = {
  signInRequired: false,
  idleMinutes: 30,
} satisfies z.input<typeof staffSchema>;
