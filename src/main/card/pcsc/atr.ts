/**
 * Reads from an ATR (ISO 7816-3/-4) the one thing the reader needs: whether the card accepts
 * extended Lc/Le. That is bit 0x40 of the third "card capabilities" byte (compact-TLV tag 7 in the
 * historical bytes, ISO 7816-4 §12.1.1.9).
 */

/** The historical bytes of an ATR, or an empty array when the ATR is too short to hold them. */
export function historicalBytes(atr: Uint8Array): Uint8Array {
  if (atr.length < 2) return new Uint8Array(0);
  const t0 = atr[1]!;
  const k = t0 & 0x0f;
  let y = t0 >> 4;
  let i = 2;
  // Walk TA/TB/TC/TD interface bytes: each TDi says which of the next group are present.
  for (;;) {
    const hasTd = (y & 0x8) !== 0;
    i += ((y & 1) + ((y >> 1) & 1) + ((y >> 2) & 1)) | 0;
    if (!hasTd) break;
    if (i >= atr.length) return new Uint8Array(0);
    y = atr[i]! >> 4;
    i += 1;
  }
  if (i + k > atr.length) return new Uint8Array(0);
  return atr.subarray(i, i + k);
}

export function atrSupportsExtendedLength(atr: Uint8Array | undefined): boolean {
  if (!atr) return false;
  const hist = historicalBytes(atr);
  if (hist.length === 0 || hist[0] !== 0x80) return false; // only the compact-TLV category
  let i = 1;
  while (i < hist.length) {
    const tag = hist[i]! >> 4;
    const len = hist[i]! & 0x0f;
    const value = hist.subarray(i + 1, i + 1 + len);
    if (tag === 0x7 && value.length >= 3) return (value[2]! & 0x40) !== 0;
    i += 1 + len;
  }
  return false;
}
