/**
 * The simulator's test PKI is on the national CCCD CSCA's algorithms (ECDSA P-384 / SHA-384 for
 * the CSCA, an ECDSA Document Signer), and passive authentication verifies ECDSA both on the SOD
 * and on the DS certificate: a byte changed in either signature makes the card invalid.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Certificate } from '@peculiar/asn1-x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import { describe, expect, it } from 'vitest';
import { shippedCscaFolder } from '../../../src/main/card/csca-folder';
import { parseSod } from '../../../src/main/card/protocol/lds/sod';
import { passiveAuthenticate } from '../../../src/main/card/protocol/passive-auth';
import { buildSod } from '../../../src/sim/card/sod';
import { loadTestPki, testCscaPath } from '../../../src/sim/card/test-pki';
import { resourcesDir } from '../../../src/main/resources-path';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const ECDSA_WITH_SHA384 = '1.2.840.10045.4.3.3';

const groups = new Map([
  [1, new Uint8Array([0x61, 0x03, 0x5f, 0x1f, 0x00])],
  [13, new Uint8Array([0x6d, 0x02, 0x30, 0x00])],
]);

const pki = loadTestPki();
const csca = new X509Certificate(readFileSync(testCscaPath()));
const now = new Date('2026-12-01T00:00:00Z');

/** The DS certificate with one byte of its signature (the last byte of the DER) flipped. */
function dsWithBrokenSignature(): Uint8Array {
  const der = new Uint8Array(pki.dsCertificate);
  der[der.length - 1]! ^= 0x01;
  return der;
}

describe('the simulator test PKI (ECDSA, like the CCCD CSCA)', () => {
  it('has a P-384 CSCA self-signed with ecdsa-with-SHA384, as the national CSCA is', () => {
    const national = new X509Certificate(
      readFileSync(path.join(shippedCscaFolder(), 'csca-vietnam-001.pem')),
    );
    for (const cert of [csca, national]) {
      expect(cert.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'secp384r1' });
      const parsed = AsnConvert.parse(cert.raw, Certificate);
      expect(parsed.signatureAlgorithm.algorithm).toBe(ECDSA_WITH_SHA384);
      expect(cert.verify(cert.publicKey)).toBe(true);
    }
  });

  it('has an ECDSA P-256 Document Signer issued by the test CSCA with ecdsa-with-SHA384', () => {
    const ds = pki.dsCertificateInfo;
    expect(ds.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
    expect(pki.dsPrivateKey.asymmetricKeyType).toBe('ec');
    expect(AsnConvert.parse(ds.raw, Certificate).signatureAlgorithm.algorithm).toBe(
      ECDSA_WITH_SHA384,
    );
    expect(ds.checkIssued(csca) && ds.verify(csca.publicKey)).toBe(true);
  });

  it('signs the simulated SOD with ecdsa-with-SHA256 and passive authentication is valid', () => {
    const sod = buildSod(groups, pki);
    expect(parseSod(sod).signer.signatureAlgorithm).toEqual({
      oid: ECDSA_WITH_SHA256,
      parameters: null,
    });
    expect(passiveAuthenticate({ sod, dataGroups: groups, anchors: [csca], now })).toMatchObject({
      status: 'valid',
    });
  });

  it('a flipped byte in the SOD ECDSA signature is invalid (signature)', () => {
    const sod = buildSod(groups, pki);
    const signature = parseSod(sod).signer.signature;
    const at = Buffer.from(sod).lastIndexOf(Buffer.from(signature));
    expect(at).toBeGreaterThan(0);
    const broken = new Uint8Array(sod);
    broken[at + signature.length - 1]! ^= 0x01;
    expect(
      passiveAuthenticate({ sod: broken, dataGroups: groups, anchors: [csca], now }),
    ).toMatchObject({ status: 'invalid', failedCheck: 'signature' });
  });

  it('a DS certificate whose P-384 signature does not verify is invalid (certificate-chain)', () => {
    const sod = buildSod(groups, { ...pki, dsCertificate: dsWithBrokenSignature() });
    expect(passiveAuthenticate({ sod, dataGroups: groups, anchors: [csca], now })).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-chain',
    });
  });

  it('keeps the CSCA private key out of resources/ (only the DS key the simulator signs with)', () => {
    const keys = readdirSync(resourcesDir(), { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(pem|key)$/.test(f)
        ? readFileSync(path.join(resourcesDir(), f), 'utf8').includes('PRIVATE KEY')
        : false,
    );
    expect(keys).toEqual([path.join('test-pki', 'ds-test.key.pem')]);
  });
});
