/**
 * The simulator's TEST-ONLY signing material (resources/test-pki, made by
 * scripts/make-test-pki.ts): the Document Signer certificate and key that sign every simulated
 * EF.SOD, and the test CSCA they chain to. Never trusted by a real deployment.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TEST_CSCA_FILE, TEST_PKI_DIR, testCscaPath } from '../../main/card/test-csca';
import { resourcePath } from '../../main/resources-path';

export interface TestPki {
  /** DER of the Document Signer certificate (goes into the SOD's certificates). */
  dsCertificate: Uint8Array;
  dsCertificateInfo: X509Certificate;
  dsPrivateKey: KeyObject;
  /** DER of the test CSCA certificate (the trust anchor for passive authentication). */
  cscaCertificate: Uint8Array;
}

export { TEST_CSCA_FILE, TEST_PKI_DIR, testCscaPath };

let cached: TestPki | null = null;

export function loadTestPki(): TestPki {
  if (cached) return cached;
  const read = (name: string): string => readFileSync(resourcePath(TEST_PKI_DIR, name), 'utf8');
  const ds = new X509Certificate(read('ds-test.pem'));
  const csca = new X509Certificate(read(TEST_CSCA_FILE));
  cached = {
    dsCertificate: new Uint8Array(ds.raw),
    dsCertificateInfo: ds,
    dsPrivateKey: createPrivateKey(read('ds-test.key.pem')),
    cscaCertificate: new Uint8Array(csca.raw),
  };
  return cached;
}
