/**
 * Where the simulator's TEST-ONLY CSCA certificate lives (resources/test-pki, made by
 * scripts/make-test-pki.ts). The product needs only its path, for `reader.trustTestCsca`; the
 * signing material itself is the simulator's (src/sim/card/test-pki.ts).
 */
import { resourcePath } from '../resources-path';

export const TEST_PKI_DIR = 'test-pki';
export const TEST_CSCA_FILE = 'csca-test.pem';

export function testCscaPath(): string {
  return resourcePath(TEST_PKI_DIR, TEST_CSCA_FILE);
}
