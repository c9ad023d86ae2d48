import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addPoints,
  BRAINPOOL_P256R1,
  bytesToBigint,
  decodePoint,
  encodePoint,
  isOnCurve,
  multiply,
  NIST_P256,
  randomScalar,
  type Curve,
} from '../../../src/main/card/protocol/ec-curve';
import {
  aesBlock,
  aesSmCipher,
  authenticationToken,
  cmacAes,
  decryptNonce,
  deriveAes128Key,
  encryptNonce,
  genericMapping,
  PACE_ECDH_GM_AES_128,
  pacePasswordKey,
  paceSessionKeys,
  sharedSecretX,
} from '../../../src/main/card/protocol/pace-crypto';
import { sha1 } from '../../../src/main/card/protocol/crypto';
import { composeMrzInfo } from '../../../src/main/card/protocol/mrz-info';
import { fromHex, toHex } from '../../../src/main/card/protocol/tlv';
import { ICAO_G } from './fixtures/pace-vectors';

describe('CMAC-AES-128 (RFC 4493 §4 test vectors)', () => {
  const key = fromHex('2b7e151628aed2a6abf7158809cf4f3c');
  const message = fromHex(
    '6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51' +
      '30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710',
  );

  it('derives the subkey input L = AES(K, 0)', () => {
    expect(toHex(aesBlock(key, new Uint8Array(16)))).toBe('7DF76B0C1AB899B33E42F047B91B546F');
  });

  it.each([
    [0, 'BB1D6929E95937287FA37D129B756746'],
    [16, '070A16B46B4D4144F79BDD9DD04A287C'],
    [40, 'DFA66747DE9AE63030CA32611497C827'],
    [64, '51F0BEBF7E3B9D92FC49741779363CFE'],
  ])('MACs a %i-byte message', (length, tag) => {
    expect(toHex(cmacAes(key, message.subarray(0, length)))).toBe(tag);
  });

  it('refuses a key that is not AES-128', () => {
    expect(() => cmacAes(new Uint8Array(8), message)).toThrow(RangeError);
  });
});

describe('AES key derivation (ICAO 9303-11 §9.7.1, Appendix G values)', () => {
  it('builds the MRZ password and K_π = KDF(SHA-1(MRZ information), 3)', () => {
    const mrzInfo = composeMrzInfo('T22000129', '640812', '101031');
    expect(mrzInfo).toBe(ICAO_G.mrzInfo);
    expect(toHex(sha1(new TextEncoder().encode(mrzInfo)))).toBe(ICAO_G.k);
    expect(toHex(pacePasswordKey(mrzInfo))).toBe(ICAO_G.kPi);
    expect(toHex(deriveAes128Key(fromHex(ICAO_G.k), 3))).toBe(ICAO_G.kPi);
  });

  it('decrypts the chip nonce with K_π and a zero IV, and encrypts it back', () => {
    const s = decryptNonce(fromHex(ICAO_G.kPi), fromHex(ICAO_G.z));
    expect(toHex(s)).toBe(ICAO_G.s);
    expect(toHex(encryptNonce(fromHex(ICAO_G.kPi), s))).toBe(ICAO_G.z);
  });

  it('derives KS_enc and KS_mac from the shared secret', () => {
    const keys = paceSessionKeys(fromHex(ICAO_G.sharedSecret));
    expect(toHex(keys.ksEnc)).toBe(ICAO_G.ksEnc);
    expect(toHex(keys.ksMac)).toBe(ICAO_G.ksMac);
  });
});

describe('curve parameters', () => {
  // RFC 5639 §3.4 and FIPS 186-4 D.1.2.3, typed from the standards: the curves noble builds
  // must be exactly these.
  const big = (hex: string): bigint => BigInt(`0x${hex}`);
  it('brainpoolP256r1 is RFC 5639 §3.4', () => {
    expect(BRAINPOOL_P256R1.p).toBe(
      big('A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377'),
    );
    expect(BRAINPOOL_P256R1.a).toBe(
      big('7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9'),
    );
    expect(BRAINPOOL_P256R1.b).toBe(
      big('26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6'),
    );
    expect(BRAINPOOL_P256R1.g.x).toBe(
      big('8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262'),
    );
    expect(BRAINPOOL_P256R1.g.y).toBe(
      big('547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997'),
    );
    expect(BRAINPOOL_P256R1.n).toBe(
      big('A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7'),
    );
  });
  it('P-256 is FIPS 186-4 D.1.2.3', () => {
    expect(NIST_P256.p).toBe(
      big('FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF'),
    );
    expect(NIST_P256.b).toBe(
      big('5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B'),
    );
    expect(NIST_P256.n).toBe(
      big('FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551'),
    );
  });
});

describe('point arithmetic against node:crypto ECDH', () => {
  const curves: Array<[Curve, string]> = [
    [BRAINPOOL_P256R1, 'brainpoolP256r1'],
    [NIST_P256, 'prime256v1'],
  ];
  const privateKeys = [
    '0000000000000000000000000000000000000000000000000000000000000001',
    '0000000000000000000000000000000000000000000000000000000000000002',
    '7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99',
    '498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560',
    '1111111111111111111111111111111111111111111111111111111111111111',
  ];

  it.each(curves)('the generator lies on %s and n·G is infinity', (curve) => {
    expect(isOnCurve(curve, curve.g)).toBe(true);
    expect(multiply(curve, curve.n, curve.g)).toBeNull();
    const minusG = multiply(curve, curve.n - 1n, curve.g)!;
    expect(minusG.x).toBe(curve.g.x);
    expect(addPoints(curve, minusG, curve.g)).toBeNull();
  });

  it.each(curves)('k·G equals ECDH public keys on %s', (curve, nodeName) => {
    for (const hex of privateKeys) {
      const ecdh = createECDH(nodeName);
      ecdh.setPrivateKey(Buffer.from(hex, 'hex'));
      const ours = encodePoint(curve, multiply(curve, BigInt(`0x${hex}`), curve.g)!);
      expect(toHex(ours)).toBe(toHex(new Uint8Array(ecdh.getPublicKey())));
    }
  });

  it.each(curves)('k·P equals the ECDH shared secret on %s for a random P', (curve, nodeName) => {
    const other = createECDH(nodeName);
    other.generateKeys();
    const otherPublic = decodePoint(curve, new Uint8Array(other.getPublicKey()))!;
    expect(otherPublic).not.toBeNull();
    const mine = createECDH(nodeName);
    mine.generateKeys();
    const k = bytesToBigint(new Uint8Array(mine.getPrivateKey()));
    const shared = sharedSecretX(curve, multiply(curve, k, otherPublic)!);
    expect(toHex(shared)).toBe(toHex(new Uint8Array(mine.computeSecret(other.getPublicKey()))));
  });

  it('refuses points off the curve and malformed encodings', () => {
    const good = encodePoint(BRAINPOOL_P256R1, BRAINPOOL_P256R1.g);
    const off = new Uint8Array(good);
    off[64]! ^= 0x01;
    expect(decodePoint(BRAINPOOL_P256R1, good)).not.toBeNull();
    expect(decodePoint(BRAINPOOL_P256R1, off)).toBeNull();
    expect(decodePoint(BRAINPOOL_P256R1, good.subarray(0, 64))).toBeNull();
    expect(
      decodePoint(BRAINPOOL_P256R1, new Uint8Array([0x02, ...good.subarray(1, 33)])),
    ).toBeNull();
    // A point of P-256 is not a point of brainpoolP256r1.
    expect(decodePoint(BRAINPOOL_P256R1, encodePoint(NIST_P256, NIST_P256.g))).toBeNull();
  });

  it('draws private keys in [1, n-1]', () => {
    expect(randomScalar(NIST_P256, (n) => new Uint8Array(n))).toBe(1n);
    expect(randomScalar(NIST_P256, (n) => new Uint8Array(n).fill(0xff))).toBeLessThan(NIST_P256.n);
  });
});

describe('Generic Mapping and tokens (ICAO 9303-11 Appendix G.1, brainpoolP256r1)', () => {
  const curve = BRAINPOOL_P256R1;
  const point = (hex: string) => decodePoint(curve, fromHex(hex))!;

  it('computes both mapping public keys from their private keys', () => {
    expect(toHex(encodePoint(curve, multiply(curve, ICAO_G.skMapIfd, curve.g)!))).toBe(
      ICAO_G.pkMapIfd,
    );
    expect(toHex(encodePoint(curve, multiply(curve, ICAO_G.skMapIc, curve.g)!))).toBe(
      ICAO_G.pkMapIc,
    );
  });

  it('maps the nonce to the same generator on both sides: Ĝ = s·G + H', () => {
    const s = fromHex(ICAO_G.s);
    const terminal = genericMapping(curve, s, ICAO_G.skMapIfd, point(ICAO_G.pkMapIc));
    const chip = genericMapping(curve, s, ICAO_G.skMapIc, point(ICAO_G.pkMapIfd));
    expect(toHex(encodePoint(curve, terminal.h!))).toBe(ICAO_G.h);
    expect(toHex(encodePoint(curve, chip.h!))).toBe(ICAO_G.h);
    expect(toHex(encodePoint(curve, terminal.generator!))).toBe(ICAO_G.gHat);
    expect(toHex(encodePoint(curve, chip.generator!))).toBe(ICAO_G.gHat);
  });

  it('agrees on the shared secret over the mapped generator', () => {
    const gHat = point(ICAO_G.gHat);
    expect(toHex(encodePoint(curve, multiply(curve, ICAO_G.skDhIfd, gHat)!))).toBe(ICAO_G.pkDhIfd);
    const shared = multiply(curve, ICAO_G.skDhIfd, point(ICAO_G.pkDhIc))!;
    expect(toHex(sharedSecretX(curve, shared))).toBe(ICAO_G.sharedSecret);
  });

  it('computes both authentication tokens over the 7F49 public key data objects', () => {
    const ksMac = fromHex(ICAO_G.ksMac);
    expect(
      toHex(authenticationToken(ksMac, PACE_ECDH_GM_AES_128, curve, point(ICAO_G.pkDhIc))),
    ).toBe(ICAO_G.tIfd);
    expect(
      toHex(authenticationToken(ksMac, PACE_ECDH_GM_AES_128, curve, point(ICAO_G.pkDhIfd))),
    ).toBe(ICAO_G.tIc);
  });
});

describe('AES secure-messaging cipher', () => {
  it('uses IV = E(KS_enc, SSC) and an 8-byte CMAC', () => {
    const sm = aesSmCipher(fromHex(ICAO_G.ksEnc), fromHex(ICAO_G.ksMac));
    const ssc = new Uint8Array(16);
    ssc[15] = 1;
    const padded = fromHex('A0000002471001800000000000000000');
    const enc = sm.encrypt(padded, ssc);
    expect(toHex(sm.decrypt(enc, ssc))).toBe(toHex(padded));
    // A different SSC gives a different IV, so different ciphertext for the same data.
    expect(toHex(sm.encrypt(padded, new Uint8Array(16)))).not.toBe(toHex(enc));
    expect(toHex(sm.mac(padded))).toBe(
      toHex(cmacAes(fromHex(ICAO_G.ksMac), padded).subarray(0, 8)),
    );
    expect(sm.blockSize).toBe(16);
  });
});
