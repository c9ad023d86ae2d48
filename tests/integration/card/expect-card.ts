import { expect } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import type { CardReadOutput } from '../../../src/main/services-contract';
import { td1Lines } from '../../../src/sim/card/mrz-td1';
import { loadSimPhoto } from '../../../src/sim/card/sim-photos';
import type { SimIdentity } from '../../../src/sim/data/identities';

/** Every field the chip gives must equal the catalog's; the photo must be the shipped bytes. */
export function expectMatchesCatalog(
  output: CardReadOutput,
  identity: SimIdentity,
  opts: { photo: boolean },
): void {
  const { result, photo } = output;
  for (const [field, value] of Object.entries(identity.card)) {
    expect({ field, value: (result as unknown as Record<string, unknown>)[field] }).toEqual({
      field,
      value,
    });
  }
  expect(result.mrz.replace(/\s/g, '')).toBe(td1Lines(identity).join(''));
  expect(result.passiveAuthentication.status).toBe(identity.sodTampered ? 'invalid' : 'valid');
  if (opts.photo) {
    expect(result.photo.format).toBe(identity.photo);
    const expected = loadSimPhoto(identity);
    expect(result.photo.bytes).toBe(expected.length);
    expect(photo && Buffer.from(photo).equals(Buffer.from(expected))).toBe(true);
  }
  expect(result.stats.apdus).toBeGreaterThan(3);
  expect(result.stats.bytesRead).toBeGreaterThan(0);
}

/** The KioskError code a promise rejects with ('no error' when it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    return (err as KioskError).code;
  }
  return 'no error';
}
