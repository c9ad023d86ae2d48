/**
 * The Document Signer must have been valid when the SOD was signed (its signing time, else the
 * read time) and issued within its CSCA's validity; a DS or CSCA that expired since does not make
 * an old card invalid. The pure rule first, then passive authentication on SODs with and without
 * a signing time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { passiveAuthenticate } from '../../../src/main/card/protocol/passive-auth';
import { parseSod } from '../../../src/main/card/protocol/lds/sod';
import {
  dsValidityProblem,
  type DsValidityInput,
  type Period,
} from '../../../src/main/card/protocol/pki/ds-validity';
import { asn1Time } from '../../../src/main/card/protocol/pki/asn1-time';
import { decodeSingleTlv, encodeTlv } from '../../../src/main/card/protocol/tlv';
import { buildSod } from '../../../src/sim/card/sod';
import type { TestPki } from '../../../src/sim/card/test-pki';
import { X509Certificate } from 'node:crypto';
import { makePki, type Pki } from './fixtures/pki';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const period = (from: string, to: string): Period => ({ notBefore: d(from), notAfter: d(to) });

// A CSCA for 2021-2036, a DS certificate 2022-2032 whose key signs only in 2022.
const csca = period('2021-01-01', '2036-01-01');
const ds = {
  ...period('2022-01-01', '2032-01-01'),
  keyUsagePeriod: period('2022-01-01', '2022-12-31'),
};

const problem = (input: {
  ds?: DsValidityInput['ds'];
  csca?: Period;
  signingTime?: string | null;
  readTime: string;
}) =>
  dsValidityProblem({
    ds: input.ds ?? ds,
    csca: input.csca ?? csca,
    signingTime: input.signingTime ? d(input.signingTime) : null,
    readTime: d(input.readTime),
  })?.reason ?? null;

describe('dsValidityProblem (pure rule)', () => {
  it('a SOD signed while the DS was valid stays valid after the DS and the CSCA expired', () => {
    expect(problem({ signingTime: '2022-06-01', readTime: '2040-01-01' })).toBeNull();
    expect(problem({ signingTime: '2022-06-01', readTime: '2026-01-01' })).toBeNull();
  });

  it('a signing time before or after the DS certificate validity is invalid', () => {
    expect(problem({ signingTime: '2021-12-31', readTime: '2026-01-01' })).toBe('ds-not-yet-valid');
    const noUsagePeriod = period('2022-01-01', '2032-01-01');
    expect(problem({ ds: noUsagePeriod, signingTime: '2032-02-01', readTime: '2033-01-01' })).toBe(
      'ds-expired',
    );
  });

  it('a signing time inside the certificate but outside the key usage period is invalid', () => {
    expect(problem({ signingTime: '2023-03-01', readTime: '2026-01-01' })).toBe(
      'ds-key-usage-period',
    );
    // Without a usage period extension only the certificate validity counts.
    expect(
      problem({
        ds: period('2022-01-01', '2032-01-01'),
        signingTime: '2023-03-01',
        readTime: '2026-01-01',
      }),
    ).toBeNull();
  });

  it('without a signing time the DS certificate must be valid at the read time', () => {
    expect(problem({ readTime: '2026-01-01' })).toBeNull();
    expect(problem({ readTime: '2033-01-01' })).toBe('ds-expired');
    expect(problem({ readTime: '2021-06-01' })).toBe('ds-not-yet-valid');
    // The key usage period is not judged without a signing time (the card may be from 2022).
    expect(problem({ readTime: '2030-01-01' })).toBeNull();
  });

  it('a DS certificate issued outside its CSCA validity is invalid, whatever the dates of use', () => {
    for (const c of [period('2023-01-01', '2036-01-01'), period('2015-01-01', '2021-12-31')]) {
      expect(problem({ csca: c, signingTime: '2022-06-01', readTime: '2026-01-01' })).toBe(
        'ds-issued-outside-csca-validity',
      );
    }
    // Issued on the CSCA's first or last day is inside.
    expect(
      problem({ csca: period('2022-01-01', '2036-01-01'), readTime: '2026-01-01' }),
    ).toBeNull();
    expect(
      problem({ csca: period('2010-01-01', '2022-01-01'), readTime: '2026-01-01' }),
    ).toBeNull();
  });
});

describe('passive authentication judges the DS at the SOD signing time', () => {
  const groups = new Map([[1, new Uint8Array([0x61, 0x03, 0x5f, 0x1f, 0x00])]]);
  let old: Pki;

  /** The fixture PKI in the shape the simulator's SOD builder signs with. */
  const asTestPki = (pki: Pki): TestPki => ({
    dsCertificate: pki.dsDer,
    dsCertificateInfo: new X509Certificate(pki.dsDer),
    dsPrivateKey: pki.dsKey,
    cscaCertificate: new Uint8Array(pki.csca.raw),
  });

  beforeAll(async () => {
    // An ECDSA CSCA 2012-2027 and a DS certificate 2013-2024 whose key signed in 2013 only.
    old = await makePki('ec', 'Old', {
      csca: { notBefore: d('2012-01-01'), notAfter: d('2027-01-01') },
      ds: { notBefore: d('2013-01-01'), notAfter: d('2024-01-01') },
      dsKeyUsage: { notBefore: d('2013-01-01'), notAfter: d('2013-12-31') },
    });
  }, 60_000);

  const check = (signingTime: string | null, readTime: string) => {
    const sod = buildSod(
      groups,
      asTestPki(old),
      signingTime ? { signingTime: d(signingTime) } : {},
    );
    return passiveAuthenticate({ sod, dataGroups: groups, anchors: [old.csca], now: d(readTime) });
  };

  it('carries the signing time in the SOD', () => {
    const sod = buildSod(groups, asTestPki(old), { signingTime: new Date('2013-05-06T07:08:09Z') });
    expect(parseSod(sod).signer.signingTime).toEqual(new Date('2013-05-06T07:08:09Z'));
    expect(parseSod(buildSod(groups, asTestPki(old))).signer.signingTime).toBeNull();
  });

  it('a card signed in 2013 is valid in 2030, after its DS (2024) and CSCA (2027) expired', () => {
    expect(check('2013-06-01', '2030-01-01')).toMatchObject({ status: 'valid' });
  });

  it('the same DS without a signing time is judged at the read time: expired', () => {
    expect(check(null, '2030-01-01')).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-chain',
      reason: 'ds-expired',
    });
    expect(check(null, '2020-01-01')).toMatchObject({ status: 'valid' });
  });

  it('a SOD signed outside the DS validity or key usage period is invalid with the reason', () => {
    expect(check('2012-06-01', '2020-01-01')).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-chain',
      reason: 'ds-not-yet-valid',
    });
    const late = check('2015-06-01', '2020-01-01');
    expect(late).toMatchObject({ status: 'invalid', reason: 'ds-key-usage-period' });
    expect(late.detail).toContain('2015-06-01');
  });
});

describe('asn1Time (UTCTime / GeneralizedTime)', () => {
  const time = (tag: number, text: string) =>
    asn1Time(decodeSingleTlv(encodeTlv(tag, new TextEncoder().encode(text))));

  it('reads UTCTime with the 1950/2049 pivot and GeneralizedTime with a fraction', () => {
    expect(time(0x17, '491231235959Z')).toEqual(new Date('2049-12-31T23:59:59Z'));
    expect(time(0x17, '500101000000Z')).toEqual(new Date('1950-01-01T00:00:00Z'));
    expect(time(0x17, '2301020304Z')).toEqual(new Date('2023-01-02T03:04:00Z'));
    expect(time(0x18, '20500101120000.25Z')).toEqual(new Date('2050-01-01T12:00:00.250Z'));
  });

  it('refuses local times, impossible dates and other tags', () => {
    for (const [tag, text] of [
      [0x17, '230102030405'],
      [0x17, '230230000000Z'],
      [0x18, '20231301000000Z'],
      [0x04, '230102030405Z'],
    ] as const) {
      expect(() => time(tag, text)).toThrow();
    }
  });
});
