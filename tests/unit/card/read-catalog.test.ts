/**
 * readCard against the simulator's real card files (built by the simulator from the identity
 * catalog, signed by the TEST-ONLY PKI in resources/test-pki).
 */
import { describe, expect, it } from 'vitest';
import { readCard } from '../../../src/main/card/protocol/read-card';
import { buildCardFiles, mrzInfoFor } from '../../../src/sim/card/card-files';
import { SimulatedChip } from '../../../src/sim/card/chip';
import { ChipChannel } from '../../../src/sim/card/chip-channel';
import { loadTestPki, testCscaPath } from '../../../src/sim/card/test-pki';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import type { AccessKeyInput } from '../../../src/shared/domain';

const TODAY = new Date('2026-11-23T03:00:00Z');

async function readCatalog(index: number, key: AccessKeyInput) {
  const identity = simIdentity(index);
  const chip = new SimulatedChip({
    files: buildCardFiles(identity, loadTestPki()),
    mrzInfo: mrzInfoFor(identity),
  });
  chip.powerOn();
  const out = await readCard(new ChipChannel(chip), key, {
    timeoutMs: 1000,
    trustAnchors: [testCscaPath()],
    now: TODAY,
  });
  return { identity, out };
}

describe('readCard with catalog cards', () => {
  it('a holder past 60 with no expiry reads from the QR text (991231 in the MRZ)', async () => {
    const identity = simIdentity(3);
    const { out } = await readCatalog(3, { kind: 'qr', text: simQrText(identity) });
    expect(out.result).toMatchObject({
      ...identity.card,
      passiveAuthentication: { status: 'valid' },
    });
    expect(out.result.dateOfExpiry).toBeNull();
    expect(out.result.mrz).toContain('991231');
  });

  it('a child born on 29 February reads from ID + date of birth', async () => {
    const identity = simIdentity(23);
    const { out } = await readCatalog(23, {
      kind: 'id-dob',
      idNumber: identity.card.idNumber,
      dateOfBirth: identity.card.dateOfBirth!,
    });
    expect(out.result).toMatchObject(identity.card);
    expect(out.result.idNumberCheck.consistent).toBe(true);
  });

  it('the tampered SOD card is invalid (dg-hash); the JPEG 2000 photo is recognised', async () => {
    const tampered = simIdentity(6);
    expect(tampered.sodTampered).toBe(true);
    const t = await readCatalog(6, { kind: 'qr', text: simQrText(tampered) });
    expect(t.out.result.passiveAuthentication).toMatchObject({
      status: 'invalid',
      failedCheck: 'dg-hash',
    });
    const j2k = simIdentity(7);
    expect(j2k.photo).toBe('jpeg2000');
    const j = await readCatalog(7, { kind: 'qr', text: simQrText(j2k) });
    expect(j.out.result.photo.format).toBe('jpeg2000');
    expect(j.out.result.passiveAuthentication.status).toBe('valid');
  });
});
