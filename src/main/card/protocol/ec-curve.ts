/**
 * Elliptic-curve arithmetic on short Weierstrass curves (y² = x³ + ax + b over GF(p)) with
 * BigInt, for PACE Generic Mapping: the mapped generator Ĝ = s·G + H is not a curve's standard
 * generator, and node:crypto's ECDH only multiplies the standard one.
 *
 * Points are affine at the boundary, Jacobian inside a multiplication (one inversion per
 * multiplication). BigInt arithmetic is not constant-time; the keys it handles are ephemeral
 * (one PACE run) and a reader is not a shared host, which is the accepted trade-off here.
 */

export interface Curve {
  readonly name: string;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly g: AffinePoint;
  /** Order of the generator. Both supported curves have cofactor 1. */
  readonly n: bigint;
  /** Field size in bytes (coordinate length in encodings). */
  readonly size: number;
}

export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

/** Affine point or null for the point at infinity. */
export type Point = AffinePoint | null;

interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}

const big = (hex: string): bigint => BigInt(`0x${hex}`);

/** brainpoolP256r1 (RFC 5639 §3.4); PACE standardized domain parameter 13. */
export const BRAINPOOL_P256R1: Curve = {
  name: 'brainpoolP256r1',
  p: big('A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377'),
  a: big('7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9'),
  b: big('26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6'),
  g: {
    x: big('8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262'),
    y: big('547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997'),
  },
  n: big('A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7'),
  size: 32,
};

/** NIST P-256 / secp256r1 (FIPS 186-4 D.1.2.3); PACE standardized domain parameter 12. */
export const NIST_P256: Curve = {
  name: 'prime256v1',
  p: big('FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF'),
  a: big('FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC'),
  b: big('5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B'),
  g: {
    x: big('6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296'),
    y: big('4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5'),
  },
  n: big('FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551'),
  size: 32,
};

/** PACE standardized domain parameter IDs (ICAO 9303-11 §9.5.1 table) this reader supports. */
export const PACE_CURVES: ReadonlyMap<number, Curve> = new Map([
  [12, NIST_P256],
  [13, BRAINPOOL_P256R1],
]);

function mod(v: bigint, m: bigint): bigint {
  const r = v % m;
  return r < 0n ? r + m : r;
}

/** Modular inverse by the extended Euclidean algorithm; `v` must be non-zero mod m. */
export function modInverse(v: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(v, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError('value has no inverse');
  return mod(oldS, m);
}

export function isOnCurve(curve: Curve, pt: AffinePoint): boolean {
  const { p, a, b } = curve;
  if (pt.x < 0n || pt.x >= p || pt.y < 0n || pt.y >= p) return false;
  return mod(pt.y * pt.y - (pt.x * pt.x * pt.x + a * pt.x + b), p) === 0n;
}

function toJacobian(pt: AffinePoint): Jacobian {
  return { x: pt.x, y: pt.y, z: 1n };
}

function toAffine(curve: Curve, j: Jacobian | null): Point {
  if (!j || j.z === 0n) return null;
  const { p } = curve;
  const zInv = modInverse(j.z, p);
  const zInv2 = mod(zInv * zInv, p);
  return { x: mod(j.x * zInv2, p), y: mod(j.y * zInv2 * zInv, p) };
}

function double(curve: Curve, j: Jacobian | null): Jacobian | null {
  if (!j || j.y === 0n) return null;
  const { p, a } = curve;
  const xx = mod(j.x * j.x, p);
  const yy = mod(j.y * j.y, p);
  const zz = mod(j.z * j.z, p);
  const s = mod(4n * j.x * yy, p);
  const m = mod(3n * xx + a * zz * zz, p);
  const x3 = mod(m * m - 2n * s, p);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, p);
  const z3 = mod(2n * j.y * j.z, p);
  return { x: x3, y: y3, z: z3 };
}

function add(curve: Curve, a: Jacobian | null, b: Jacobian | null): Jacobian | null {
  if (!a) return b;
  if (!b) return a;
  const { p } = curve;
  const z1z1 = mod(a.z * a.z, p);
  const z2z2 = mod(b.z * b.z, p);
  const u1 = mod(a.x * z2z2, p);
  const u2 = mod(b.x * z1z1, p);
  const s1 = mod(a.y * b.z * z2z2, p);
  const s2 = mod(b.y * a.z * z1z1, p);
  if (u1 === u2) return s1 === s2 ? double(curve, a) : null;
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const hh = mod(h * h, p);
  const hhh = mod(h * hh, p);
  const v = mod(u1 * hh, p);
  const x3 = mod(r * r - hhh - 2n * v, p);
  const y3 = mod(r * (v - x3) - s1 * hhh, p);
  const z3 = mod(a.z * b.z * h, p);
  return { x: x3, y: y3, z: z3 };
}

/** k·P (k reduced mod n); null when the result is the point at infinity. */
export function multiply(curve: Curve, k: bigint, pt: Point): Point {
  const scalar = mod(k, curve.n);
  if (!pt || scalar === 0n) return null;
  const base = toJacobian(pt);
  let acc: Jacobian | null = null;
  for (let i = BigInt(scalar.toString(2).length - 1); i >= 0n; i--) {
    acc = double(curve, acc);
    if ((scalar >> i) & 1n) acc = add(curve, acc, base);
  }
  return toAffine(curve, acc);
}

/** P + Q in affine form. */
export function addPoints(curve: Curve, a: Point, b: Point): Point {
  return toAffine(curve, add(curve, a && toJacobian(a), b && toJacobian(b)));
}

export function bigintToBytes(v: bigint, length: number): Uint8Array {
  const hex = v.toString(16).padStart(length * 2, '0');
  if (hex.length > length * 2) throw new RangeError(`value does not fit ${length} bytes`);
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function bytesToBigint(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

/** Uncompressed point encoding 04 || X || Y (SEC 1 §2.3.3), coordinates padded to the field size. */
export function encodePoint(curve: Curve, pt: AffinePoint): Uint8Array {
  const out = new Uint8Array(1 + 2 * curve.size);
  out[0] = 0x04;
  out.set(bigintToBytes(pt.x, curve.size), 1);
  out.set(bigintToBytes(pt.y, curve.size), 1 + curve.size);
  return out;
}

/**
 * Decodes an uncompressed point and checks it lies on the curve (a point off the curve would
 * leak the private key in an invalid-curve attack). Null when the bytes are not such a point.
 */
export function decodePoint(curve: Curve, bytes: Uint8Array): AffinePoint | null {
  if (bytes.length !== 1 + 2 * curve.size || bytes[0] !== 0x04) return null;
  const pt = {
    x: bytesToBigint(bytes.subarray(1, 1 + curve.size)),
    y: bytesToBigint(bytes.subarray(1 + curve.size)),
  };
  return isOnCurve(curve, pt) ? pt : null;
}

/** A uniformly random scalar in [1, n-1] from `random` (node:crypto's randomBytes by default). */
export function randomScalar(curve: Curve, random: (n: number) => Uint8Array): bigint {
  // 8 extra bytes make the modulo bias negligible (< 2^-64).
  return mod(bytesToBigint(random(curve.size + 8)), curve.n - 1n) + 1n;
}
