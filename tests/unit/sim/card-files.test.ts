import { X509Certificate, createHash, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { describe, expect, it } from 'vitest';
import { simChipKeys } from '../../../src/sim/card/chip-keys';
import { CHIP_PROFILES } from '../../../src/sim/card/chip-profile';
import { buildCardFiles, dg13, FID, dmy } from '../../../src/sim/card/card-files';
import { mrzCheckDigit, mrzInfoFor, mrzName, td1Lines } from '../../../src/sim/card/mrz-td1';
import { loadTestPki, testCscaPath } from '../../../src/sim/card/test-pki';
import { loadSimPhoto } from '../../../src/sim/card/sim-photos';
import { SIM_IDENTITIES, simIdentity } from '../../../src/sim/data/identities';

const pki = loadTestPki();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const ab = (b: Uint8Array) =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function parseSod(sod: Uint8Array) {
  expect(sod[0]).toBe(0x77);
  const lenBytes = sod[1]! & 0x80 ? sod[1]! & 0x7f : 0;
  const body = sod.subarray(2 + lenBytes);
  const info = AsnConvert.parse(ab(body), ContentInfo);
  expect(info.contentType).toBe('1.2.840.113549.1.7.2');
  return AsnConvert.parse(info.content, SignedData);
}

/** Data-group hashes out of the LDSSecurityObject, found by their DER shape (SEQ{INT n, OCTET 32}). */
function ldsHashes(lds: Uint8Array): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i + 39 <= lds.length; i++) {
    if (
      lds[i] === 0x30 &&
      lds[i + 1] === 0x25 &&
      lds[i + 2] === 0x02 &&
      lds[i + 3] === 0x01 &&
      lds[i + 5] === 0x04 &&
      lds[i + 6] === 0x20
    ) {
      out.set(lds[i + 4]!, Buffer.from(lds.subarray(i + 7, i + 39)).toString('hex'));
    }
  }
  return out;
}

describe('TD1 MRZ', () => {
  it('computes ICAO 9303 check digits (Doc 9303-11 worked example)', () => {
    expect(mrzCheckDigit('L898902C<')).toBe('3');
    expect(mrzCheckDigit('690806')).toBe('1');
    expect(mrzCheckDigit('940623')).toBe('6');
  });

  it('writes IDVNM + last 9 digits + check digit + full ID + << + its check digit at position 30', () => {
    for (const identity of SIM_IDENTITIES) {
      const [l1, l2, l3] = td1Lines(identity);
      expect(l1).toHaveLength(30);
      expect(l2).toHaveLength(30);
      expect(l3).toHaveLength(30);
      const id = identity.card.idNumber;
      expect(l1).toBe(
        `IDVNM${id.slice(3)}${mrzCheckDigit(id.slice(3))}${id}<<${mrzCheckDigit(id)}`,
      );
      expect(l2.slice(7, 8)).toBe(identity.card.sex);
      expect(l2.slice(8, 14)).toBe(identity.mrzExpiry);
      expect(l2.slice(15, 18)).toBe('VNM');
      expect(l3).toMatch(/^[A-Z<]+$/);
      expect(mrzInfoFor(identity)).toBe(l1.slice(5, 15) + l2.slice(0, 7) + l2.slice(8, 15));
    }
  });

  it('has a correct composite check digit', () => {
    const [l1, l2] = td1Lines(simIdentity(1));
    const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
    expect(l2[29]).toBe(mrzCheckDigit(composite));
  });

  it('transliterates Vietnamese names without diacritics', () => {
    expect(mrzName('Đặng Quốc Phong')).toBe('DANG<QUOC<PHONG');
    expect(td1Lines(simIdentity(2))[2]).toBe('TON<<NU<HOANG<NGOC<KHUE<NGUYEN');
  });
});

describe('simulated card files', () => {
  it('has EF.COM, DG1, DG2, DG3, DG13 and EF.SOD with the LDS tags (legacy: no DG3)', () => {
    const files = buildCardFiles(simIdentity(1), pki);
    expect([...files.keys()].sort()).toEqual(
      [FID.DG1, FID.DG2, FID.DG3, FID.DG13, FID.SOD, FID.COM].sort(),
    );
    expect(files.get(FID.COM)![0]).toBe(0x60);
    expect(Buffer.from(files.get(FID.COM)!).toString('hex')).toContain('5c04' + '6175636d');
    const legacy = buildCardFiles(simIdentity(1), pki, { profile: CHIP_PROFILES.legacy });
    expect(Buffer.from(legacy.get(FID.COM)!).toString('hex')).toContain('5c03' + '61756d');
    // With chip and active authentication: DG14 and DG15 listed too.
    const withAuth = buildCardFiles(simIdentity(1), pki, {
      authenticity: { keys: simChipKeys('1'), offer: { ca: true, aa: true } },
    });
    expect(Buffer.from(withAuth.get(FID.COM)!).toString('hex')).toContain('5c06' + '6175636d6e6f');
    expect(withAuth.get(FID.DG14)![0]).toBe(0x6e);
    expect(files.get(FID.DG1)![0]).toBe(0x61);
    expect(Buffer.from(files.get(FID.DG1)!).toString('latin1')).toContain(
      td1Lines(simIdentity(1)).join(''),
    );
    expect(files.get(FID.DG2)![0]).toBe(0x75);
    expect(files.get(FID.DG13)![0]).toBe(0x6d);
  });

  it('wraps the photo in an ISO 19794-5 record with the right image data type', () => {
    for (const n of [1, 7]) {
      const identity = simIdentity(n);
      const dg2 = Buffer.from(buildCardFiles(identity, pki).get(FID.DG2)!);
      const photo = Buffer.from(loadSimPhoto(identity));
      const at = dg2.indexOf(photo);
      expect(at).toBeGreaterThan(0);
      expect(at + photo.length).toBe(dg2.length);
      const fac = dg2.indexOf(Buffer.from('FAC\x00010\x00', 'latin1'));
      expect(dg2.readUInt32BE(fac + 8)).toBe(dg2.length - fac); // record length
      expect(dg2[at - 11]).toBe(identity.photo === 'jpeg2000' ? 1 : 0); // image data type
      expect(dg2.readUInt16BE(at - 10)).toBe(240);
    }
    expect(
      Buffer.from(loadSimPhoto(simIdentity(7)))
        .subarray(0, 4)
        .toString('hex'),
    ).toBe('ff4fff51');
    expect(
      Buffer.from(loadSimPhoto(simIdentity(1)))
        .subarray(0, 3)
        .toString('hex'),
    ).toBe('ffd8ff');
  });

  it('photos are 10-20 KB, as on real cards', () => {
    for (const identity of SIM_IDENTITIES) {
      const size = loadSimPhoto(identity).length;
      expect(size).toBeGreaterThanOrEqual(10_000);
      expect(size).toBeLessThanOrEqual(20_000);
    }
  });

  it('writes DG13 in the Vietnam layout, with Không thời hạn for no expiry', () => {
    const text = Buffer.from(dg13(simIdentity(3).card)).toString('utf8');
    expect(text).toContain('Không thời hạn');
    expect(text).toContain('30/06/1948');
    expect(text).toContain('162345678');
    expect(dmy('2021-03-01')).toBe('01/03/2021');
    // the real wrapper: INTEGER 1, OID 1.0.10646.1.0.8, SET
    const hex = Buffer.from(dg13(simIdentity(1).card)).toString('hex');
    expect(hex).toMatch(/^6d8201..308201..020101060628d31601000831/);
    // a single person (card 5): field 14 present but empty
    expect(Buffer.from(dg13(simIdentity(5).card)).toString('hex')).toContain('300302010e');
  });

  it('signs an SOD that verifies against the test CSCA and holds the SHA-256 of each data group', () => {
    const files = buildCardFiles(simIdentity(1), pki);
    const sd = parseSod(files.get(FID.SOD)!);
    expect(sd.encapContentInfo.eContentType).toBe('2.23.136.1.1.1');
    const lds = new Uint8Array(sd.encapContentInfo.eContent!.single!.buffer);
    const hashes = ldsHashes(lds);
    expect(hashes.get(1)).toBe(sha256(files.get(FID.DG1)!).toString('hex'));
    expect(hashes.get(2)).toBe(sha256(files.get(FID.DG2)!).toString('hex'));
    expect(hashes.get(13)).toBe(sha256(files.get(FID.DG13)!).toString('hex'));

    const signer = sd.signerInfos[0]!;
    const digest = signer.signedAttrs!.find((a) => a.attrType === '1.2.840.113549.1.9.4')!;
    expect(Buffer.from(digest.attrValues[0]!).subarray(2).toString('hex')).toBe(
      sha256(lds).toString('hex'),
    );
    // The signature covers the signed attributes re-tagged as a SET.
    const raw = new Uint8Array(AsnConvert.serialize(signer));
    const start = Buffer.from(raw).indexOf(0xa0);
    const attrs = Buffer.from(raw.subarray(start, start + 2 + raw[start + 1]!));
    attrs[0] = 0x31;
    const ds = new X509Certificate(
      Buffer.from(AsnConvert.serialize(sd.certificates![0]!.certificate!)),
    );
    const verify = createVerify('sha256');
    verify.update(attrs);
    expect(verify.verify(ds.publicKey, Buffer.from(signer.signature.buffer))).toBe(true);
    const csca = new X509Certificate(readFileSync(testCscaPath()));
    expect(ds.verify(csca.publicKey)).toBe(true);
    expect(csca.subject).toContain('TEST ONLY');
  });

  it('alters the DG1 hash of the tampered card after signing', () => {
    const identity = simIdentity(6);
    expect(identity.sodTampered).toBe(true);
    const files = buildCardFiles(identity, pki);
    const lds = new Uint8Array(
      parseSod(files.get(FID.SOD)!).encapContentInfo.eContent!.single!.buffer,
    );
    const hashes = ldsHashes(lds);
    expect(hashes.get(1)).not.toBe(sha256(files.get(FID.DG1)!).toString('hex'));
    expect(hashes.get(13)).toBe(sha256(files.get(FID.DG13)!).toString('hex'));
  });
});
