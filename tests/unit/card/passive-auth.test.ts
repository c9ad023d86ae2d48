import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
