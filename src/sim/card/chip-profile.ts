/**
 * What a simulated chip offers, as data: which PACE passwords, whether BAC works, whether it
 * carries Chip Authentication (DG14) and Active Authentication (DG15). The chip, its files and
 * its EF.CardAccess follow the profile; the catalog gives each card one.
 *
 * - `real`: the card in people's wallets today (the CCCD reference): PACE with the CAN or the MRZ,
 *   BAC as well, CA and AA, EF.CardAccess byte for byte as on real cards.
 * - `legacy`: BAC only, no EF.CardAccess, no DG14/DG15 (an early or foreign-made chip).
 * - `pace-only`: PACE with the CAN or the MRZ, BAC refused, Chip Authentication.
 */
import { encodeCardAccess } from '../../main/card/protocol/card-access';
import { PACE_ECDH_GM_AES_128 } from '../../main/card/protocol/pace-crypto';
import { fromHex } from '../../main/card/protocol/tlv';
import type { ChipProfileName } from '../data/identities';

export interface ChipProfile {
  name: ChipProfileName;
  /** PACE passwords accepted: CAN and MRZ, MRZ only, or no PACE (no EF.CardAccess). */
  pace: 'can+mrz' | 'mrz' | 'none';
  /** Standardized PACE domain parameters: 13 = brainpoolP256r1 (real cards), 12 = NIST P-256. */
  paceParameterId: 12 | 13;
  /** BAC answers (GET CHALLENGE / EXTERNAL AUTHENTICATE); false = 6D00. */
  bac: boolean;
  /** DG14 and Chip Authentication. */
  chipAuth: boolean;
  /** DG15 and Active Authentication. */
  activeAuth: boolean;
}

export type { ChipProfileName };

export const CHIP_PROFILES: Readonly<Record<ChipProfileName, Readonly<ChipProfile>>> = {
  real: {
    name: 'real',
    pace: 'can+mrz',
    paceParameterId: 13,
    bac: true,
    chipAuth: true,
    activeAuth: true,
  },
  legacy: {
    name: 'legacy',
    pace: 'none',
    paceParameterId: 13,
    bac: true,
    chipAuth: false,
    activeAuth: false,
  },
  'pace-only': {
    name: 'pace-only',
    pace: 'can+mrz',
    paceParameterId: 13,
    bac: false,
    chipAuth: true,
    activeAuth: false,
  },
};

export const DEFAULT_CHIP_PROFILE: ChipProfileName = 'real';

export function isChipProfileName(value: string): value is ChipProfileName {
  return Object.hasOwn(CHIP_PROFILES, value);
}

/**
 * EF.CardAccess exactly as on cards in the wild (the CCCD reference): TA v1; Chip Authentication
 * ECDH-AES-CBC-CMAC-128 v1; PACE-ECDH-GM-AES-CBC-CMAC-128 v2, parameterId 13.
 */
export const REAL_CARD_ACCESS = fromHex(
  '3134300d060804007f0007020202020101300f060a04007f000702020302020201013012060a04007f0007020204020202010202010d',
);

/** The profile's EF.CardAccess, or null when it offers no PACE. */
export function cardAccessFor(profile: ChipProfile): Uint8Array | null {
  if (profile.pace === 'none') return null;
  if (profile.chipAuth && profile.paceParameterId === 13) return REAL_CARD_ACCESS;
  return encodeCardAccess(PACE_ECDH_GM_AES_128, profile.paceParameterId);
}
