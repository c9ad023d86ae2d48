/**
 * CRLs in the CSCA folder, hand-written and signed by the test CSCA: a CRL without nextUpdate
 * revokes what it lists; a CRL whose thisUpdate is in the future or whose nextUpdate has passed
 * is still used but reported (doctor warns, the read result says the CRL is not current).
 */
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadTrustAnchors,
  passiveAuthenticate,
  staleCrls,
} from '../../../src/main/card/protocol/passive-auth';
import { crlDateProblem, parseCrl } from '../../../src/main/card/protocol/pki/crl';
import { buildSod } from '../../../src/sim/card/sod';
import { loadTestPki, testCscaPath } from '../../../src/sim/card/test-pki';
import { testCrl, type TestCrlOptions } from './fixtures/test-crl';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const pki = loadTestPki();
const DS_SERIAL = pki.dsCertificateInfo.serialNumber; // the test DS: 02
const groups = new Map([[1, new Uint8Array([0x61, 0x03, 0x5f, 0x1f, 0x00])]]);
const sod = buildSod(groups, pki);
const NOW = d('2026-12-01');

const base: TestCrlOptions = {
  thisUpdate: d('2026-11-01'),
  nextUpdate: d('2027-02-01'),
  serials: [],
};

function folderWith(crl: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-crl-'));
  copyFileSync(testCscaPath(), path.join(dir, 'csca-test.pem'));
  writeFileSync(path.join(dir, 'csca-test.crl'), crl);
  return dir;
}

function readWith(options: TestCrlOptions) {
  const loaded = loadTrustAnchors([folderWith(testCrl(options))]);
  const result = passiveAuthenticate({
    sod,
    dataGroups: groups,
    anchors: loaded.anchors,
    revoked: loaded.revoked,
    now: NOW,
  });
  return { loaded, result };
}

describe('parseCrl', () => {
  it('reads a CRL without nextUpdate: its revoked serials are all there', () => {
    const crl = parseCrl(
      testCrl({ ...base, nextUpdate: null, serials: ['05', DS_SERIAL, '00ff'] }),
    );
    expect(crl.nextUpdate).toBeNull();
    expect(crl.thisUpdate).toEqual(d('2026-11-01'));
    expect(crl.revokedSerials).toEqual(['5', DS_SERIAL.replace(/^0+/, ''), 'FF']);
  });

  it('reads v1 (no version) and v2 (with extensions) CRLs, with and without entries', () => {
    const v1 = parseCrl(testCrl({ ...base, v1: true, serials: ['0a'] }));
    expect(v1).toMatchObject({ nextUpdate: d('2027-02-01'), revokedSerials: ['A'] });
    expect(v1.signatureAlgorithm.oid).toBe('1.2.840.10045.4.3.3');
    const empty = parseCrl(testCrl({ ...base, nextUpdate: null }));
    expect(empty.revokedSerials).toEqual([]);
  });

  it('refuses a CRL with a field out of place', () => {
    const der = testCrl({ ...base, serials: ['0a'] });
    expect(() => parseCrl(der.subarray(0, der.length - 1))).toThrow();
    expect(() => parseCrl(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow();
  });
});

describe('crlDateProblem', () => {
  it('is null while current, names a future thisUpdate and a passed nextUpdate', () => {
    expect(crlDateProblem(base, NOW)).toBeNull();
    expect(crlDateProblem({ ...base, nextUpdate: null }, d('2040-01-01'))).toBeNull();
    expect(crlDateProblem({ ...base, thisUpdate: d('2027-01-01') }, NOW)).toMatch(
      /future \(thisUpdate 2027-01-01\)/,
    );
    expect(crlDateProblem(base, d('2027-03-01'))).toMatch(/next update was due 2027-02-01/);
  });
});

describe('a CRL from the test CSCA in the CSCA folder', () => {
  it('without nextUpdate still revokes the Document Signer it lists', () => {
    const { loaded, result } = readWith({ ...base, nextUpdate: null, serials: [DS_SERIAL] });
    expect(loaded.problems).toEqual([]);
    expect(loaded.revoked).toHaveLength(1);
    expect(result).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-chain',
      reason: 'ds-revoked',
    });
    expect(result.crlStale).toBeUndefined();
  });

  it('a current CRL that does not list the DS leaves the card valid, with no note', () => {
    const { result } = readWith({ ...base, serials: ['05'] });
    expect(result).toEqual({ status: 'valid', detail: expect.not.stringContaining('CRL') });
  });

  it('a CRL whose nextUpdate has passed is used but the result says it is not current', () => {
    const stale = { ...base, thisUpdate: d('2026-01-01'), nextUpdate: d('2026-04-01') };
    const kept = readWith(stale).result;
    expect(kept).toMatchObject({ status: 'valid', crlStale: true });
    expect(kept.detail).toMatch(/CRL is not current: csca-test\.crl stale .*2026-04-01/);
    const revoked = readWith({ ...stale, serials: [DS_SERIAL] }).result;
    expect(revoked).toMatchObject({ status: 'invalid', reason: 'ds-revoked', crlStale: true });
  });

  it('a CRL dated in the future is used and reported the same way', () => {
    const { loaded, result } = readWith({ ...base, thisUpdate: d('2027-01-01'), serials: [] });
    expect(result).toMatchObject({ status: 'valid', crlStale: true });
    expect(result.detail).toMatch(/issued in the future/);
    expect(staleCrls(loaded.revoked, NOW)).toEqual([
      'csca-test.crl: CRL issued in the future (thisUpdate 2027-01-01)',
    ]);
  });
});
