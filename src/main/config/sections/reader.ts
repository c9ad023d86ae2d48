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
    /**
     * Trust the simulator's test CSCA (shipped in resources/, test only). Its Document Signer key
     * is public, so anyone can sign a fake chip with it: the default is true only for the
     * simulated reader (see readerDefaultsFor); with real readers it must be set on purpose.
     */
    trustTestCsca: z.boolean(),
    /**
     * Extended-length APDUs on PC/SC readers (far fewer APDUs for the photo): `auto` when the
     * card's ATR says it takes them, `on`/`off` to force it for a reader known to (not) cope.
     */
    extendedLength: z.enum(['auto', 'on', 'off']),
    /** Try PACE first when the card's EF.CardAccess offers it; BAC otherwise or on failure. */
    pace: z.boolean(),
    /**
     * A chip whose passive authentication is `unverified` needs a staff decision (an `invalid`
     * one or a failed chip authentication always does). Default true for real readers.
     */
    requireVerifiedChip: z.boolean(),
    /**
     * A chip that offers no chip/active authentication (no DG14/DG15 in its signed SOD) needs a
     * staff decision too. Off by default: older chips without it are genuine cards.
     */
    requireChipAuthentication: z.boolean(),
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
  requireVerifiedChip: false,
  requireChipAuthentication: false,
} satisfies z.input<typeof readerSchema>;

/**
 * The reader defaults for what a configuration file says: a file that switches to real readers
 * without mentioning `trustTestCsca` does not inherit the simulator's trust in the test CSCA.
 */
export function readerDefaultsFor(fileReader: unknown): z.input<typeof readerSchema> {
  const r = typeof fileReader === 'object' && fileReader !== null ? fileReader : {};
  const driver = (r as { driver?: unknown }).driver;
  return driver !== undefined && driver !== 'simulated'
    ? { ...readerDefaults, trustTestCsca: false, requireVerifiedChip: true }
    : readerDefaults;
}
