/**
 * When a Document Signer certificate may vouch for a card (ICAO 9303-12 §5, §7.1.1): a DS key
 * signs documents for a short key-usage period, while its certificate stays valid as long as the
 * documents it signed (10 years and more for a CCCD). So what matters is that the DS certificate
 * was valid WHEN THE SOD WAS SIGNED — the CMS signing-time attribute when the SOD has one, else
 * the read time — and that it was issued within its CSCA's validity. A CSCA or DS certificate
 * that has expired since then does not by itself make an old card invalid.
 */
import { X509Certificate } from 'node:crypto';
import { Certificate, PrivateKeyUsagePeriod } from '@peculiar/asn1-x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { PassiveAuthReason } from '../../../../shared/domain';

/** Why a Document Signer could not sign this SOD; stable codes, shown with `detail`. */
export type DsValidityReason = Exclude<PassiveAuthReason, 'ds-revoked'>;

export interface Period {
  notBefore: Date;
  notAfter: Date;
}

export interface DsValidityInput {
  ds: Period & {
    /** The DS certificate's private-key usage period extension (2.5.29.16), when it has one. */
    keyUsagePeriod?: Partial<Period>;
  };
  csca: Period;
  /** The SOD's signing-time attribute, null when it has none. */
  signingTime: Date | null;
  readTime: Date;
}

export interface DsValidityProblem {
  reason: DsValidityReason;
  detail: string;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Null when the DS certificate could sign this SOD; else why not. */
export function dsValidityProblem(input: DsValidityInput): DsValidityProblem | null {
  const { ds, csca, signingTime, readTime } = input;
  const at = signingTime ?? readTime;
  const when = signingTime ? `when the SOD was signed (${day(signingTime)})` : 'now';
  if (ds.notBefore < csca.notBefore || ds.notBefore > csca.notAfter) {
    return {
      reason: 'ds-issued-outside-csca-validity',
      detail: `the Document Signer certificate was issued (${day(ds.notBefore)}) outside its CSCA certificate's validity`,
    };
  }
  if (at < ds.notBefore) {
    return {
      reason: 'ds-not-yet-valid',
      detail: `the Document Signer certificate was not valid yet ${when}; it is valid from ${day(ds.notBefore)}`,
    };
  }
  if (at > ds.notAfter) {
    return {
      reason: 'ds-expired',
      detail: `the Document Signer certificate had expired ${when}; it was valid to ${day(ds.notAfter)}`,
    };
  }
  // Only a signing time says when the key was used; without it the usage period cannot be judged.
  const usage = ds.keyUsagePeriod;
  if (
    signingTime &&
    usage &&
    ((usage.notBefore && signingTime < usage.notBefore) ||
      (usage.notAfter && signingTime > usage.notAfter))
  ) {
    return {
      reason: 'ds-key-usage-period',
      detail: `the SOD was signed (${day(signingTime)}) outside the Document Signer key's usage period`,
    };
  }
  return null;
}

const PRIVATE_KEY_USAGE_PERIOD = '2.5.29.16';

/** The validity (and private-key usage period) of a certificate, for dsValidityProblem. */
export function certificatePeriod(cert: X509Certificate): DsValidityInput['ds'] {
  const period: DsValidityInput['ds'] = {
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
  };
  const usage = privateKeyUsagePeriod(cert);
  if (usage) period.keyUsagePeriod = usage;
  return period;
}

function privateKeyUsagePeriod(cert: X509Certificate): Partial<Period> | null {
  const extensions = AsnConvert.parse(cert.raw, Certificate).tbsCertificate.extensions ?? [];
  const ext = extensions.find((e) => e.extnID === PRIVATE_KEY_USAGE_PERIOD);
  if (!ext) return null;
  const value = AsnConvert.parse(ext.extnValue.buffer, PrivateKeyUsagePeriod);
  const out: Partial<Period> = {};
  if (value.notBefore) out.notBefore = value.notBefore;
  if (value.notAfter) out.notAfter = value.notAfter;
  return out;
}
