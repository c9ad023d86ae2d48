import { z } from 'zod';

export const storeSchema = z
  .object({
    /** Database file, relative to the data folder unless absolute. */
    file: z.string().min(1),
    /** Personal data older than this many days is purged. */
    retentionDays: z.number().int().min(1).max(3650),
  })
  .strict();

export const storeDefaults = {
  file: 'kiosk.sqlite',
  retentionDays: 90,
} satisfies z.input<typeof storeSchema>;
