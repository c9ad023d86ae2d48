import { z } from 'zod';

export const storeSchema = z
  .object({
    /** Database file, relative to the data folder unless absolute. */
    file: z.string().min(1),
    /** Personal data older than this many days is purged. */
    retentionDays: z.number().int().min(1).max(3650),
    /** A write waits this long for another process's lock before failing with STORE_LOCKED. */
    busyTimeoutMs: z.number().int().min(100).max(60000).default(5000),
    /** The purge job runs at start and then every this many hours. */
    purgeIntervalHours: z
      .number()
      .min(1)
      .max(24 * 7)
      .default(24),
    /** The outbox worker looks for due re-checks this often (and at once when the service is back). */
    outboxIntervalSeconds: z.number().int().min(5).max(3600).default(60),
    /** First delay after a failed re-check; doubles per attempt up to outboxRetryMaxSeconds. */
    outboxRetryBaseSeconds: z.number().int().min(1).max(3600).default(30),
    outboxRetryMaxSeconds: z.number().int().min(10).max(86400).default(3600),
  })
  .strict()
  .refine((s) => s.outboxRetryMaxSeconds >= s.outboxRetryBaseSeconds, {
    message: 'outboxRetryMaxSeconds must be at least outboxRetryBaseSeconds',
    path: ['outboxRetryMaxSeconds'],
  });

export const storeDefaults = {
  file: 'kiosk.sqlite',
  retentionDays: 90,
  busyTimeoutMs: 5000,
  purgeIntervalHours: 24,
  outboxIntervalSeconds: 60,
  outboxRetryBaseSeconds: 30,
  outboxRetryMaxSeconds: 3600,
} satisfies z.input<typeof storeSchema>;
