import { z } from 'zod';
import { LANES } from '../../../shared/domain';

const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
const lane = z.enum(LANES as unknown as [string, ...string[]]);

/**
 * People the kiosk cannot check in by itself, and the priority the law gives (Luật Khám bệnh,
 * chữa bệnh 2023, Điều 3 khoản 2): the ages and the BHYT groups are the hospital's to set.
 */
export const arrivalsSchema = z
  .object({
    /**
     * The reception desk's queue: an unknown typed number or "no documents" gets a number here
     * (its code is the queue number's department part, e.g. `K01-TD-T-003`).
     */
    reception: z
      .object({
        code: z.string().regex(/^[A-Z0-9]{1,6}$/, 'reception code: 1-6 capital letters or digits'),
        name: localized,
      })
      .strict(),
    priority: z
      .object({
        /** From this age on: the elderly lane (the law: 75). */
        elderlyFromAge: z.number().int().min(40).max(120),
        /** Under this age: the child lane (the law: 6). */
        childUnderAge: z.number().int().min(1).max(18),
        /** BHYT group (first 2 letters of the 15-character code) → lane. */
        groups: z.record(z.string().regex(/^[A-Z]{2}$/, 'BHYT group: 2 capital letters'), lane),
      })
      .strict(),
  })
  .strict();

export const arrivalsDefaults = {
  reception: { code: 'TD', name: { vi: 'Quầy tiếp đón', en: 'Reception desk' } },
  priority: { elderlyFromAge: 75, childUnderAge: 6, groups: { CC: 'merit', TE: 'child' } },
} satisfies z.input<typeof arrivalsSchema>;
