/** The simulated card's files read back through the protocol's own parsers and passive auth. */
import { describe, expect, it } from 'vitest';
import { buildCardFiles, FID } from '../../../src/sim/card/card-files';
import { td1Lines } from '../../../src/sim/card/mrz-td1';
import { loadSimPhoto } from '../../../src/sim/card/sim-photos';
import { loadTestPki, testCscaPath } from '../../../src/sim/card/test-pki';
import { parseDg1 } from '../../../src/main/card/protocol/lds/dg1';
import { parseDg13 } from '../../../src/main/card/protocol/lds/dg13';
import { parseDg2 } from '../../../src/main/card/protocol/lds/dg2';
import { parseEfCom } from '../../../src/main/card/protocol/lds/ef-com';
import {
  loadTrustAnchors,
  passiveAuthenticate,
} from '../../../src/main/card/protocol/passive-auth';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';

const pki = loadTestPki();
const anchors = loadTrustAnchors([testCscaPath()]).anchors;

describe('simulated card files through the protocol parsers', () => {
  for (const identity of SIM_IDENTITIES) {
    it(`card ${identity.index} (${identity.label})`, () => {
      const files = buildCardFiles(identity, pki);
      expect(parseEfCom(files.get(FID.COM)!).dataGroups).toEqual([1, 2, 3, 13]);

      const dg1 = parseDg1(files.get(FID.DG1)!);
      expect(dg1.lines).toEqual(td1Lines(identity));
      expect(dg1.checkDigitsValid).toBe(true);
      expect(dg1.idNumber).toBe(identity.card.idNumber);
      expect(dg1.documentNumber).toBe(identity.card.idNumber.slice(3));

      const dg13 = parseDg13(files.get(FID.DG13)!);
      expect(dg13.identity).toEqual(identity.card);
      expect(dg13.wrapped).toBe(true);
      expect(dg13.fields.get(14)).toEqual(
        identity.card.spouseName ? [identity.card.spouseName] : [],
      );
      expect(dg13.fields.has(15)).toBe(identity.card.oldIdNumber !== '');
      expect(dg13.fields.get(16)?.[0]).toHaveLength(16);
      expect(dg1.idNumberCheckDigit).toBe('valid');

      const dg2 = parseDg2(files.get(FID.DG2)!);
      expect(dg2.format).toBe(identity.photo);
      expect(Buffer.from(dg2.image).equals(Buffer.from(loadSimPhoto(identity)))).toBe(true);
      expect([dg2.width, dg2.height]).toEqual([240, 320]);

      const dataGroups = new Map([
        [1, files.get(FID.DG1)!],
        [2, files.get(FID.DG2)!],
        [13, files.get(FID.DG13)!],
      ]);
      const pa = passiveAuthenticate({ sod: files.get(FID.SOD)!, dataGroups, anchors });
      if (identity.sodTampered) {
        expect(pa).toMatchObject({ status: 'invalid', failedCheck: 'dg-hash' });
        expect(pa.detail).toMatch(/DG1/);
      } else {
        expect(pa.status).toBe('valid');
      }
      expect(
        passiveAuthenticate({ sod: files.get(FID.SOD)!, dataGroups, anchors: [] }).status,
      ).toBe(identity.sodTampered ? 'invalid' : 'unverified');
    });
  }
});
