/**
 * The CSCA trust store: the shipped CCCD CSCA, several certificates per folder, re-read only
 * when the folder changes, and the certificates' validity periods.
 */
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import {
  loadTrustAnchors,
  passiveAuthenticate,
} from '../../../src/main/card/protocol/passive-auth';
import {
  certificatePeriod,
  dsValidityProblem,
} from '../../../src/main/card/protocol/pki/ds-validity';
import { shippedCscaFolder } from '../../../src/main/card/csca-folder';
import { testCscaPath } from '../../../src/sim/card/test-pki';
import { makePki, makeSod } from './fixtures/pki';

const SHIPPED = path.join(shippedCscaFolder(), 'csca-vietnam-001.pem');

describe('CSCA trust store', () => {
  it('ships the CCCD CSCA whose fingerprint the README gives', () => {
    const cert = new X509Certificate(readFileSync(SHIPPED));
    expect(cert.fingerprint256).toBe(
      '6F:0A:20:D6:3A:43:FC:58:9E:AF:0D:8C:52:11:3A:2A:8B:FA:34:1C:6F:2F:AB:04:12:12:38:AA:0C:22:B1:A9',
    );
    expect(cert.subject).toContain('CN=CSCA Vietnam');
  });

  it('takes several CSCAs from one folder and re-reads it only when it changes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csca-'));
    copyFileSync(SHIPPED, path.join(dir, 'csca-vietnam-001.pem'));
    const first = loadTrustAnchors([dir]);
    expect(first.anchors).toHaveLength(1);
    expect(loadTrustAnchors([dir])).toBe(first);
    copyFileSync(testCscaPath(), path.join(dir, 'successor.pem'));
    writeFileSync(path.join(dir, 'broken.der'), 'not DER');
    const second = loadTrustAnchors([dir]);
    expect(second).not.toBe(first);
    expect(second.anchors).toHaveLength(2);
    expect(second.problems).toEqual(['broken.der: not a certificate']);
  });

  it('checks the test Document Signer at the read time and the CSCA at the DS issue date', () => {
    const dir = path.dirname(testCscaPath());
    const ds = certificatePeriod(new X509Certificate(readFileSync(path.join(dir, 'ds-test.pem'))));
    const csca = certificatePeriod(new X509Certificate(readFileSync(testCscaPath())));
    const at = (readTime: string) =>
      dsValidityProblem({ ds, csca, signingTime: null, readTime: new Date(readTime) })?.reason;
    expect(at('2026-11-23T00:00:00Z')).toBeUndefined();
    expect(at('2023-06-01T00:00:00Z')).toBe('ds-not-yet-valid');
    expect(at('2050-06-01T00:00:00Z')).toBe('ds-expired');
    // A DS certificate issued in 2024 falls inside the national CSCA's 2021-2046 validity, and
    // the national CSCA's own private-key usage period (to 2026-01-21) is not the DS's concern.
    const national = certificatePeriod(new X509Certificate(readFileSync(SHIPPED)));
    expect(national.keyUsagePeriod?.notAfter).toEqual(new Date('2026-01-21T18:11:36Z'));
    expect(
      dsValidityProblem({
        ds,
        csca: national,
        signingTime: null,
        readTime: new Date('2027-06-01T00:00:00Z'),
      }),
    ).toBeNull();
  });
});

describe('link certificates', () => {
  it('a successor CSCA known only by its link certificate from the old CSCA verifies its cards', async () => {
    const [old, successor] = await Promise.all([makePki('ec', 'Old'), makePki('ec', 'Successor')]);
    // Old CSCA signs the successor's name and key: the link certificate.
    const link = await x509.X509CertificateGenerator.create({
      serialNumber: '02',
      subject: successor.cscaX509.subject,
      issuer: old.cscaX509.subject,
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2049-12-31T00:00:00Z'),
      publicKey: successor.cscaKeys.publicKey,
      signingKey: old.cscaKeys.privateKey,
      signingAlgorithm: old.signingAlgorithm,
      extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csca-'));
    writeFileSync(path.join(dir, 'csca-old.pem'), old.cscaPem);
    writeFileSync(path.join(dir, 'link-old-successor.pem'), link.toString('pem'));
    const groups = new Map([[1, new Uint8Array([0x61, 0x01, 0x00])]]);
    const sod = makeSod(groups, successor, { signature: 'ecdsa' });
    const { anchors } = loadTrustAnchors([dir]);
    expect(passiveAuthenticate({ sod, dataGroups: groups, anchors }).status).toBe('valid');
    // Without the link certificate the successor's cards do not chain.
    const alone = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csca-'));
    writeFileSync(path.join(alone, 'csca-old.pem'), old.cscaPem);
    expect(
      passiveAuthenticate({ sod, dataGroups: groups, anchors: loadTrustAnchors([alone]).anchors }),
    ).toMatchObject({ status: 'invalid', failedCheck: 'certificate-chain' });
  }, 60_000);
});
