/**
 * Elliptic-curve points for PACE Generic Mapping and Chip Authentication, on the audited
 * arithmetic of @noble/curves (the mapped generator Ĝ = s·G + H is not a curve's standard
 * generator, and node:crypto's ECDH only multiplies the standard one). This module only adapts
 * noble's point classes to the affine points and byte encodings the protocol code speaks; it
 * does no field arithmetic of its own.
 */
import { brainpoolP256r1 } from '@noble/curves/misc.js';
import { p256 } from '@noble/curves/nist.js';

type NoblePointCons = typeof p256.Point;
type NoblePoint = InstanceType<NoblePointCons>;

export interface Curve {
  readonly name: string;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly g: AffinePoint;
  /** Order of the generator. All supported curves have cofactor 1. */
  readonly n: bigint;
  /** Field size in bytes (coordinate length in encodings). */
  readonly size: number;
  /** noble's point constructor for this curve. */
  readonly points: NoblePointCons;
}

export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

/** Affine point or null for the point at infinity. */
export type Point = AffinePoint | null;

function curveOf(name: string, points: NoblePointCons): Curve {
  const c = points.CURVE();
  return {
    name,
    p: c.p,
    a: c.a,
    b: c.b,
    g: { x: c.Gx, y: c.Gy },
    n: c.n,
    size: points.Fp.BYTES,
    points,
  };
}

/** brainpoolP256r1 (RFC 5639 §3.4); PACE standardized domain parameter 13. */
export const BRAINPOOL_P256R1: Curve = curveOf('brainpoolP256r1', brainpoolP256r1.Point);

/** NIST P-256 / secp256r1 (FIPS 186-4 D.1.2.3); PACE standardized domain parameter 12. */
export const NIST_P256: Curve = curveOf('prime256v1', p256.Point);

/** PACE standardized domain parameter IDs (ICAO 9303-11 §9.5.1 table) this reader supports. */
export const PACE_CURVES: ReadonlyMap<number, Curve> = new Map([
  [12, NIST_P256],
  [13, BRAINPOOL_P256R1],
]);

function toNoble(curve: Curve, pt: Point): NoblePoint {
  if (!pt) return curve.points.ZERO;
  const p = curve.points.fromAffine({ x: pt.x, y: pt.y });
  p.assertValidity();
  return p;
}

function fromNoble(p: NoblePoint): Point {
  if (p.is0()) return null;
  return { x: p.x, y: p.y };
}

export function isOnCurve(curve: Curve, pt: AffinePoint): boolean {
  try {
    toNoble(curve, pt);
    return true;
  } catch {
    return false;
  }
}

/** k·P (k reduced mod n); null when the result is the point at infinity. */
export function multiply(curve: Curve, k: bigint, pt: Point): Point {
  const scalar = ((k % curve.n) + curve.n) % curve.n;
  if (!pt || scalar === 0n) return null;
  return fromNoble(toNoble(curve, pt).multiply(scalar));
}

/** P + Q in affine form. */
export function addPoints(curve: Curve, a: Point, b: Point): Point {
  return fromNoble(toNoble(curve, a).add(toNoble(curve, b)));
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
  return new Uint8Array(toNoble(curve, pt).toBytes(false));
}

/**
 * Decodes an uncompressed point and checks it lies on the curve (a point off the curve would
 * leak the private key in an invalid-curve attack). Null when the bytes are not such a point;
 * compressed encodings are refused because the protocols here always send uncompressed ones.
 */
export function decodePoint(curve: Curve, bytes: Uint8Array): AffinePoint | null {
  if (bytes.length !== 1 + 2 * curve.size || bytes[0] !== 0x04) return null;
  try {
    return fromNoble(curve.points.fromBytes(bytes));
  } catch {
    return null;
  }
}

/** A uniformly random scalar in [1, n-1] from `random` (node:crypto's randomBytes by default). */
export function randomScalar(curve: Curve, random: (n: number) => Uint8Array): bigint {
  // 8 extra bytes make the modulo bias negligible (< 2^-64).
  return (bytesToBigint(random(curve.size + 8)) % (curve.n - 1n)) + 1n;
}
