/**
 * The simulated chip of one catalog card, built the one way for every path (the in-process
 * reader, `simulate card` on vpcd, tests and benchmarks): its files, BAC key, CAN and, as its
 * profile offers them, DG14/DG15 with their keys (./chip-keys.ts).
 */
import { simIdentity } from '../data/identities';
import { canOf } from '../../main/card/protocol/access-key';
import { buildCardFiles, mrzInfoFor, type CardFileOptions } from './card-files';
import { SimulatedChip, type SimulatedChipOptions } from './chip';
import { authenticityFor } from './chip-keys';
import {
  CHIP_PROFILES,
  DEFAULT_CHIP_PROFILE,
  type ChipProfile,
  type ChipProfileName,
} from './chip-profile';
import type { TestPki } from './test-pki';

/** The profile card `index` has, unless `override` names (or is) another. */
export function profileOf(index: number, override?: ChipProfileName | ChipProfile): ChipProfile {
  if (typeof override === 'object') return override;
  return CHIP_PROFILES[override ?? simIdentity(index).profile ?? DEFAULT_CHIP_PROFILE];
}

/** The files of card `index` under `profile` (what the SOD signs). */
export function catalogFiles(
  index: number,
  profile: ChipProfile,
  pki: TestPki,
  files: CardFileOptions = {},
): Map<number, Uint8Array> {
  const identity = simIdentity(index);
  return buildCardFiles(identity, pki, {
    ...authenticityFor(identity.card.idNumber, profile).files,
    ...files,
    profile,
  });
}

export interface CatalogChipOptions extends Pick<
  SimulatedChipOptions,
  'maxLe' | 'extendedLength' | 'faults'
> {
  profile?: ChipProfileName | ChipProfile;
  /** Already built files (the in-process reader caches them per card and profile). */
  files?: ReadonlyMap<number, Uint8Array>;
}

/** A powered-off chip for catalog card `index`. */
export function catalogChip(index: number, pki: TestPki, options: CatalogChipOptions = {}) {
  const identity = simIdentity(index);
  const profile = profileOf(index, options.profile);
  const { files, profile: _name, ...chip } = options;
  return new SimulatedChip({
    files: files ?? catalogFiles(index, profile, pki),
    mrzInfo: mrzInfoFor(identity),
    profile,
    can: canOf(identity.card.idNumber),
    // A cloned catalog card holds other private keys than its DG14/DG15 announce.
    ...authenticityFor(identity.card.idNumber, profile, identity.clonedChip).chip,
    ...chip,
  });
}
