import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadTrustAnchors,
  passiveAuthenticate,
} from '../../../src/main/card/protocol/passive-auth';
import { parseSod } from '../../../src/main/card/protocol/lds/sod';
import { encodeTlv } from '../../../src/main/card/protocol/tlv';
import { makePki, makeSod, type Pki } from './fixtures/pki';

const dg1 = encodeTlv(0x61, encodeTlv(0x5f1f, new TextEncoder().encode('X'.repeat(90))));
const dg13 = encodeTlv(
  0x6d,
  encodeTlv(
    0x30,
    encodeTlv(
      0x30,
      encodeTlv(0x02, new Uint8Array([1])),
      encodeTlv(0x0c, new TextEncoder().encode('001085012345')),
    ),
  ),
);
const groups = new Map([
  [1, dg1],
  [13, dg13],
]);

let rsa: Pki;
let ec: Pki;
let stranger: Pki;

beforeAll(async () => {
  [rsa, ec, stranger] = await Promise.all([
    makePki('rsa', 'RSA'),
    makePki('ec', 'EC'),
    makePki('ec', 'Stranger'),
  ]);
}, 60_000);

describe('passive authentication', () => {
  it('is valid for RSA PKCS#1 v1.5, RSA-PSS and ECDSA signatures chaining to the anchor', () => {
    for (const [pki, signature] of [
      [rsa, 'rsa-pkcs1'],
      [rsa, 'rsa-pss'],
      [ec, 'ecdsa'],
    ] as const) {
      const sod = makeSod(groups, pki, { signature });
      const result = passiveAuthenticate({ sod, dataGroups: groups, anchors: [pki.csca] });
      expect({ signature, ...result }).toMatchObject({ signature, status: 'valid' });
    }
  });

  it('takes the SOD apart: content type, hashes, signer', () => {
    const sod = parseSod(makeSod(groups, rsa));
    expect(sod.eContentType).toBe('2.23.136.1.1.1');
    expect(sod.securityObject.hashAlgorithm).toBe('sha256');
    expect([...sod.securityObject.hashes.keys()]).toEqual([1, 13]);
    expect(sod.certificates).toHaveLength(1);
    expect(sod.signer.signedAttributes?.[0]).toBe(0x31);
  });

  it('a data group that does not match its hash is invalid (dg-hash), whatever the rest says', () => {
    const sod = makeSod(groups, rsa, { hashOverride: new Map([[13, new Uint8Array([9])]]) });
    const result = passiveAuthenticate({ sod, dataGroups: groups, anchors: [rsa.csca] });
    expect(result).toMatchObject({ status: 'invalid', failedCheck: 'dg-hash' });
    expect(result.detail).toContain('DG13');
    // Even without anchors: never unverified or valid.
    expect(passiveAuthenticate({ sod, dataGroups: groups, anchors: [] }).status).toBe('invalid');
  });

  it('a data group read but not listed in the SOD is invalid', () => {
    const sod = makeSod(new Map([[1, dg1]]), rsa);
    expect(passiveAuthenticate({ sod, dataGroups: groups, anchors: [rsa.csca] })).toMatchObject({
      status: 'invalid',
      failedCheck: 'dg-hash',
    });
  });

  it('a bad signature or a wrong signed message digest is invalid (signature)', () => {
    for (const options of [
      { badSignature: true },
      { badMessageDigest: true },
      { signature: 'ecdsa' as const, badSignature: true },
    ]) {
      const pki = options.signature === 'ecdsa' ? ec : rsa;
      const sod = makeSod(groups, pki, options);
      expect(passiveAuthenticate({ sod, dataGroups: groups, anchors: [pki.csca] })).toMatchObject({
        status: 'invalid',
        failedCheck: 'signature',
      });
    }
  });

  it('an unknown CSCA is invalid (certificate-chain); no CSCA at all is unverified, never valid', () => {
    const sod = makeSod(groups, ec, { signature: 'ecdsa' });
    expect(
      passiveAuthenticate({ sod, dataGroups: groups, anchors: [stranger.csca, rsa.csca] }),
    ).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-chain',
    });
    const unverified = passiveAuthenticate({ sod, dataGroups: groups, anchors: [] });
    expect(unverified.status).toBe('unverified');
    expect(unverified.failedCheck).toBeUndefined();
  });

  it('a SOD that is not CMS, or of the wrong content type, is invalid (sod-format)', () => {
    for (const sod of [
      encodeTlv(0x77, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])),
      new Uint8Array([0x77, 0x82, 0xff]),
      makeSod(groups, rsa, { eContentType: '1.2.840.113549.1.7.1' }),
    ]) {
      expect(passiveAuthenticate({ sod, dataGroups: groups, anchors: [rsa.csca] })).toMatchObject({
        status: 'invalid',
        failedCheck: 'sod-format',
      });
    }
  });

  it('loads anchors from folders and files, DER and PEM, and names the files it cannot use', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csca-'));
    mkdirSync(path.join(dir, 'folder'));
    writeFileSync(path.join(dir, 'folder', 'rsa.pem'), rsa.cscaPem + '\n' + ec.cscaPem);
    writeFileSync(path.join(dir, 'folder', 'ec.der'), ec.csca.raw);
    writeFileSync(path.join(dir, 'folder', 'broken.cer'), 'not a certificate');
    writeFileSync(path.join(dir, 'folder', 'notes.txt'), 'ignored');
    writeFileSync(path.join(dir, 'single.crt'), stranger.cscaPem);
    const loaded = loadTrustAnchors([
      path.join(dir, 'folder'),
      path.join(dir, 'single.crt'),
      path.join(dir, 'missing'),
    ]);
    expect(loaded.anchors).toHaveLength(4);
    expect(loaded.problems).toEqual([
      'broken.cer: not a certificate',
      `${path.join(dir, 'missing')}: not readable`,
    ]);
  });
});

describe('a CRL dropped in the CSCA folder', () => {
  /** A CRL for `of`'s CSCA, signed with `signer`'s CSCA key, revoking `serials`. */
  const crl = (of: Pki, signer: Pki, serials: string[]): Promise<x509.X509Crl> =>
    x509.X509CrlGenerator.create({
      issuer: of.cscaX509.subject,
      thisUpdate: new Date('2025-01-01T00:00:00Z'),
      nextUpdate: new Date('2030-01-01T00:00:00Z'),
      entries: serials.map((serialNumber) => ({
        serialNumber,
        revocationDate: new Date('2025-01-01T00:00:00Z'),
      })),
      signingKey: signer.cscaKeys.privateKey,
      signingAlgorithm: signer.signingAlgorithm,
    });

  const folderWith = (pki: Pki, name: string, contents: string | Uint8Array): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csca-crl-'));
    writeFileSync(path.join(dir, 'csca.pem'), pki.cscaPem);
    writeFileSync(path.join(dir, name), contents);
    return dir;
  };

  const check = (pki: Pki, dir: string) => {
    const loaded = loadTrustAnchors([dir]);
    const result = passiveAuthenticate({
      sod: makeSod(groups, pki),
      dataGroups: groups,
      anchors: loaded.anchors,
      revoked: loaded.revoked,
    });
    return { loaded, result };
  };

  it('a revoked Document Signer (CRL as DER or PEM, RSA or ECDSA) is invalid, saying why', async () => {
    for (const pki of [ec, rsa]) {
      // The fixture's Document Signer has serial 0a.
      const list = await crl(pki, pki, ['05', '0a']);
      for (const dir of [
        folderWith(pki, 'csca.crl', new Uint8Array(list.rawData)),
        folderWith(pki, 'revoked.pem', list.toString('pem')),
      ]) {
        const { loaded, result } = check(pki, dir);
        expect(loaded.problems).toEqual([]);
        expect(result).toMatchObject({ status: 'invalid', failedCheck: 'certificate-chain' });
        expect(result.detail).toContain('revoked');
      }
    }
  });

  it('a CRL that does not list the Document Signer leaves it valid', async () => {
    const list = await crl(ec, ec, ['05']);
    const { result } = check(ec, folderWith(ec, 'csca.crl', new Uint8Array(list.rawData)));
    expect(result.status).toBe('valid');
  });

  it('a CRL not signed by a trusted CSCA is ignored and named as a problem', async () => {
    const forged = await crl(ec, stranger, ['0a']);
    const { loaded, result } = check(
      ec,
      folderWith(ec, 'forged.crl', new Uint8Array(forged.rawData)),
    );
    expect(loaded.revoked).toEqual([]);
    expect(loaded.problems).toEqual(['forged.crl: CRL not signed by a trusted CSCA, ignored']);
    expect(result.status).toBe('valid');
  });
});
