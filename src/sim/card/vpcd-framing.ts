/**
 * The vsmartcard vpcd wire format (virtualsmartcard/src/vpcd/vpcd.c): every message in either
 * direction is a 2-byte big-endian length (htons) followed by that many bytes. vpcd sends 1-byte
 * control messages (0 power off, 1 power on, 2 reset, 4 get ATR; only "get ATR" is answered) and
 * longer messages that are command APDUs, each answered with one response APDU.
 */

export const VPCD_DEFAULT_PORT = 35963;
/** The largest payload a 2-byte length can carry. */
export const VPCD_MAX_PAYLOAD = 0xffff;

export const VpcdControl = {
  PowerOff: 0,
  PowerOn: 1,
  Reset: 2,
  GetAtr: 4,
} as const;

export type VpcdMessage = { kind: 'control'; code: number } | { kind: 'apdu'; apdu: Uint8Array };

export function encodeFrame(payload: Uint8Array): Uint8Array {
  if (payload.length > VPCD_MAX_PAYLOAD) {
    throw new RangeError(`vpcd payload of ${payload.length} bytes exceeds ${VPCD_MAX_PAYLOAD}`);
  }
  const out = new Uint8Array(2 + payload.length);
  out[0] = payload.length >> 8;
  out[1] = payload.length & 0xff;
  out.set(payload, 2);
  return out;
}

/** Splits a TCP byte stream into vpcd messages; bytes of an unfinished frame wait for more. */
export class VpcdFrameDecoder {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): VpcdMessage[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const messages: VpcdMessage[] = [];
    let offset = 0;
    while (joined.length - offset >= 2) {
      const len = (joined[offset]! << 8) | joined[offset + 1]!;
      if (joined.length - offset - 2 < len) break;
      const payload = joined.slice(offset + 2, offset + 2 + len);
      offset += 2 + len;
      if (len === 0) continue; // nothing to act on
      messages.push(
        len === 1 ? { kind: 'control', code: payload[0]! } : { kind: 'apdu', apdu: payload },
      );
    }
    this.buffer = joined.slice(offset);
    return messages;
  }

  /** Bytes received that do not yet form a whole frame. */
  get pending(): number {
    return this.buffer.length;
  }
}
