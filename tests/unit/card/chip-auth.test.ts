/**
 * Chip Authentication and Active Authentication between the reader (protocol/chip-auth.ts) and
 * the simulated chip (simulator/authenticity-chip.ts), through readCard: genuine chips, a cloned
 * chip (the genuine files with other private keys), and cards that offer neither.
 */
import { generateKeyPairSync, constants, privateEncrypt, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccessKeyInput } from '../../../src/shared/domain';
import { readCard } from '../../../src/main/card/protocol/read-card';
import { verifyIso9796Rsa } from '../../../src/main/card/protocol/chip-auth';
import { parseDg14 } from '../../../src/main/card/protocol/lds/dg14';
import { parseDg15 } from '../../../src/main/card/protocol/lds/dg15';
import { parseSubjectPublicKeyInfo } from '../../../src/main/card/protocol/lds/public-key';
import { fromHex } from '../../../src/main/card/protocol/tlv';
import type { AuthenticityOffer } from '../../../src/sim/card/authenticity-files';
import { buildCardFiles, FID, mrzInfoFor } from '../../../src/sim/card/card-files';
import { SimulatedChip } from '../../../src/sim/card/chip';
import { CHIP_PROFILES } from '../../../src/sim/card/chip-profile';
import { ChipChannel } from '../../../src/sim/card/chip-channel';
import { clonedChipKeys, simChipKeys } from '../../../src/sim/card/chip-keys';
import { loadTestPki, testCscaPath } from '../../../src/sim/card/test-pki';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';

const TODAY = new Date('2026-11-23T03:00:00Z');
const INDEX = 1;

function chipFor(offer: AuthenticityOffer, cloned = false, pace = false) {
  const identity = simIdentity(INDEX);
  const seed = identity.card.idNumber;
  const files = buildCardFiles(identity, loadTestPki(), {
    authenticity: { keys: simChipKeys(seed), offer },
  });
  const chip = new SimulatedChip({
    files,
    mrzInfo: mrzInfoFor(identity),
    authenticity: { keys: cloned ? clonedChipKeys(seed) : simChipKeys(seed), offer },
    ...(pace ? { profile: CHIP_PROFILES['pace-only'], can: identity.card.idNumber.slice(-6) } : {}),
  });
  chip.powerOn();
  return { chip, files, identity };
}

async function read(chip: SimulatedChip, pace = false) {
  const identity = simIdentity(INDEX);
  const key: AccessKeyInput = { kind: 'qr', text: simQrText(identity) };
  return readCard(new ChipChannel(chip), key, {
    timeoutMs: 1000,
    trustAnchors: [testCscaPath()],
    now: TODAY,
    pace,
  });
}

describe('chip authenticity through readCard', () => {
  it('Chip Authentication proves a genuine chip and the read goes on under the new keys', async () => {
    const { chip } = chipFor({ ca: true, aa: true });
    const { result } = await read(chip);
    expect(result.chipAuthentication).toMatchObject({ status: 'genuine', method: 'CA' });
    // DG14 and DG15 are hashed in the SOD: passive authentication covers the keys.
    expect(result.passiveAuthentication.status).toBe('valid');
    expect(chip.secured).toBe(true);
  });

  it('Chip Authentication after PACE', async () => {
    const { chip } = chipFor({ ca: true, aa: false }, false, true);
    const { result } = await read(chip, true);
    expect(result.chipAuthentication).toMatchObject({ status: 'genuine', method: 'CA' });
  });

  it('Active Authentication when DG14 offers no CA key', async () => {
    const { chip } = chipFor({ ca: false, aa: true });
    const { result } = await read(chip);
    expect(result.chipAuthentication).toMatchObject({ status: 'genuine', method: 'AA' });
    expect(result.chipAuthentication.detail).toContain('brainpoolP256r1');
  });

  it('a cloned chip (same files, other CA key) fails Chip Authentication, data still read', async () => {
    const { chip, identity } = chipFor({ ca: true, aa: true }, true);
    const { result } = await read(chip);
    expect(result.chipAuthentication).toMatchObject({ status: 'failed', method: 'CA' });
    expect(result.passiveAuthentication.status).toBe('valid');
    expect(result.idNumber).toBe(identity.card.idNumber);
  });

  it('a cloned chip (other AA key) fails Active Authentication', async () => {
    const { chip } = chipFor({ ca: false, aa: true }, true);
    const { result } = await read(chip);
    expect(result.chipAuthentication).toMatchObject({ status: 'failed', method: 'AA' });
  });

  it('a cloned chip whose EF.COM hides DG14/DG15 (or has no EF.COM) still fails: the SOD lists them', async () => {
    // EF.COM is not signed: written by hand listing DG1, DG2, DG13 only (LDS 1.7, Unicode 4.0.0).
    const comWithoutKeys = fromHex('60 15 5F01 04 30313037 5F36 06 303430303030 5C 03 61 75 6D');
    for (const com of [comWithoutKeys, null]) {
      const { files } = chipFor({ ca: true, aa: true }, true);
      const altered = new Map(files);
      if (com) altered.set(FID.COM, com);
      else altered.delete(FID.COM);
      const clone = new SimulatedChip({
        files: altered,
        mrzInfo: mrzInfoFor(simIdentity(INDEX)),
        authenticity: {
          keys: clonedChipKeys(simIdentity(INDEX).card.idNumber),
          offer: { ca: true, aa: true },
        },
      });
      clone.powerOn();
      const { result } = await read(clone);
      expect(result.chipAuthentication).toMatchObject({ status: 'failed', method: 'CA' });
    }
  });

  it('a chip that withholds the DG14/DG15 its SOD lists fails chip authentication', async () => {
    const { files } = chipFor({ ca: true, aa: true }, true);
    const altered = new Map(files);
    altered.delete(FID.DG14);
    altered.delete(FID.DG15);
    const clone = new SimulatedChip({ files: altered, mrzInfo: mrzInfoFor(simIdentity(INDEX)) });
    clone.powerOn();
    const { result } = await read(clone);
    expect(result.chipAuthentication).toMatchObject({
      status: 'failed',
      method: 'CA',
      detail: 'DG14 and DG15 listed in the SOD but not on the chip',
    });
  });

  it('a card without DG14/DG15 is not-offered, with no extra APDU', async () => {
    const { chip: plain } = chipFor({ ca: false, aa: false });
    const { result } = await read(plain);
    expect(result.chipAuthentication).toEqual({
      status: 'not-offered',
      method: null,
      detail: 'neither EF.COM nor the SOD lists DG14 or DG15',
    });
  });

  it('CA costs 4 APDUs (DG14, MSE, GA, proof); AA 3 (DG14 naming the algorithm, DG15, INTERNAL AUTHENTICATE)', async () => {
    const base = (await read(chipFor({ ca: false, aa: false }).chip)).result.stats.apdus;
    const ca = (await read(chipFor({ ca: true, aa: false }).chip)).result.stats.apdus;
    const aa = (await read(chipFor({ ca: false, aa: true }).chip)).result.stats.apdus;
    expect(ca - base).toBe(4);
    expect(aa - base).toBe(3);
  });
});

describe('DG14 / DG15 parsing', () => {
  it('finds the CA key, its protocol and the AA algorithm in the simulated DG14', () => {
    const { files } = chipFor({ ca: true, aa: true });
    const dg14 = parseDg14(files.get(FID.DG14)!);
    expect(dg14.chipAuthentication).toEqual([
      { oid: '0.4.0.127.0.7.2.2.3.2.2', version: 1, keyId: null },
    ]);
    expect(dg14.chipAuthenticationKeys[0]!.key).toMatchObject({
      kind: 'ec',
      curve: { name: 'brainpoolP256r1' },
    });
    expect(dg14.activeAuthentication).toEqual({
      version: 1,
      signatureAlgorithm: '0.4.0.127.0.7.1.1.4.1.3',
    });
    expect(parseDg15(files.get(FID.DG15)!).kind).toBe('ec');
  });

  it('reads a key given with explicit brainpoolP256r1 parameters (RFC 3279 ECParameters)', () => {
    // Hand-written SPKI: id-ecPublicKey with explicit RFC 5639 §3.4 parameters, key = G.
    const p = 'A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377';
    const a = '7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9';
    const b = '26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6';
    const g =
      '048BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262' +
      '547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997';
    const n = 'A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7';
    const params =
      '3081E0' +
      '020101' +
      '302C' +
      '06072A8648CE3D0101' +
      '022100' +
      p +
      '3044' +
      '0420' +
      a +
      '0420' +
      b +
      '0441' +
      g +
      '022100' +
      n +
      '020101';
    const algorithm = '3081EC' + '06072A8648CE3D0201' + params;
    const spki = `30820133${algorithm}034200${g}`;
    const key = parseSubjectPublicKeyInfo(fromHex(spki));
    expect(key).toMatchObject({ kind: 'ec', curve: { name: 'brainpoolP256r1' } });
  });

  it('a DG14 that is not 6E { SET } is CARD_BAD_TLV', () => {
    expect(() => parseDg14(fromHex('6E03020101'))).toThrow(/TLV|tag/i);
  });
});

describe('Active Authentication with RSA (ISO/IEC 9796-2 scheme 1)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
  const challenge = fromHex('0102030405060708');

  function sign(trailerSha256: boolean, msgChallenge = challenge): Uint8Array {
    const k = 128;
    const hashLen = trailerSha256 ? 32 : 20;
    const trailer = trailerSha256 ? [0x34, 0xcc] : [0xbc];
    const m1 = new Uint8Array(k - 1 - hashLen - trailer.length).fill(0x5a);
    const h = createHash(trailerSha256 ? 'sha256' : 'sha1')
      .update(Buffer.concat([m1, msgChallenge]))
      .digest();
    const m = new Uint8Array([0x6a, ...m1, ...h, ...trailer]);
    return new Uint8Array(
      privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, m),
    );
  }

  it('verifies SHA-1 (trailer BC) and SHA-256 (trailer 34 CC) signatures', () => {
    expect(verifyIso9796Rsa(spki, challenge, sign(false))).toBe(true);
    expect(verifyIso9796Rsa(spki, challenge, sign(true))).toBe(true);
  });

  it('refuses a signature over another challenge', () => {
    expect(verifyIso9796Rsa(spki, challenge, sign(false, fromHex('0807060504030201')))).toBe(false);
  });
});
