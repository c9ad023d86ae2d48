/**
 * TEST-ONLY key pairs of a simulated chip: the Chip Authentication key (DG14) and the Active
 * Authentication key (DG15), both on brainpoolP256r1 as on CCCD chips. They are derived from a
 * seed so the files and the chip of one catalog card agree without key files; a "cloned chip"
 * carries the genuine card's files but keys from another seed, which is exactly what a copy of
 * a real card looks like (the private keys cannot be read out of the original).
 */
import { createHash } from 'node:crypto';
import {
  BRAINPOOL_P256R1,
  bytesToBigint,
  multiply,
  type AffinePoint,
  type Curve,
} from '../../main/card/protocol/ec-curve';

export interface SimChipKeys {
  curve: Curve;
  caPrivateKey: bigint;
  caPublicKey: AffinePoint;
  aaPrivateKey: bigint;
  aaPublicKey: AffinePoint;
}

function scalar(curve: Curve, label: string): bigint {
  const h = createHash('sha512').update(`cccd-simulator ${label}`).digest();
  return (bytesToBigint(new Uint8Array(h)) % (curve.n - 1n)) + 1n;
}

/** The key pairs for `seed` (e.g. a catalog card's ID number). */
export function simChipKeys(seed: string): SimChipKeys {
  const curve = BRAINPOOL_P256R1;
  const caPrivateKey = scalar(curve, `chip-authentication ${seed}`);
  const aaPrivateKey = scalar(curve, `active-authentication ${seed}`);
  return {
    curve,
    caPrivateKey,
    caPublicKey: multiply(curve, caPrivateKey, curve.g)!,
    aaPrivateKey,
    aaPublicKey: multiply(curve, aaPrivateKey, curve.g)!,
  };
}

/** Keys of a copy of the card with `seed`: same public files, other private keys. */
export function clonedChipKeys(seed: string): SimChipKeys {
  return simChipKeys(`${seed} (cloned chip)`);
}

/** DG14/DG15 offer plus keys, as card-files and the chip take them. */
export interface AuthenticityOption {
  authenticity?: { keys: SimChipKeys; offer: { ca: boolean; aa: boolean } };
}

/**
 * The authenticity options of a catalog card under a chip profile: the files carry the keys
 * seeded by the card's number; a cloned chip holds keys from another seed.
 */
export function authenticityFor(
  seed: string,
  profile: { chipAuth: boolean; activeAuth: boolean },
  cloned = false,
): { files: AuthenticityOption; chip: AuthenticityOption } {
  if (!profile.chipAuth && !profile.activeAuth) return { files: {}, chip: {} };
  const offer = { ca: profile.chipAuth, aa: profile.activeAuth };
  return {
    files: { authenticity: { keys: simChipKeys(seed), offer } },
    chip: { authenticity: { keys: cloned ? clonedChipKeys(seed) : simChipKeys(seed), offer } },
  };
}
