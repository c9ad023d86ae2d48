import { z } from 'zod';

export const readerSchema = z
  .object({
    /** `simulated`: the in-process software CCCD; `pcsc`: real readers through pcscd. */
    driver: z.enum(['simulated', 'pcsc']),
    /** Reader to use for check-in; null = the first reader with a card. */
    name: z.string().min(1).nullable(),
    /** Every APDU gets this long before the read fails with CARD_TIMEOUT. */
    transmitTimeoutMs: z.number().int().min(100).max(60000),
    /** Folder of trusted CSCA certificates (DER/PEM); null = passive auth is "unverified". */
    cscaFolder: z.string().nullable(),
    /** Trust the simulator's test CSCA (shipped in resources/, test only). */
    trustTestCsca: z.boolean(),
    /**
     * Extended-length APDUs on PC/SC readers (far fewer APDUs for the photo): `auto` when the
     * card's ATR says it takes them, `on`/`off` to force it for a reader known to (not) cope.
     */
    extendedLength: z.enum(['auto', 'on', 'off']),
    /** Try PACE first when the card's EF.CardAccess offers it; BAC otherwise or on failure. */
    pace: z.boolean(),
  })
  .strict();

export const readerDefaults = {
  driver: 'simulated',
  name: null,
  transmitTimeoutMs: 5000,
  cscaFolder: null,
  trustTestCsca: true,
  extendedLength: 'auto',
  pace: true,
} satisfies z.input<typeof readerSchema>;
