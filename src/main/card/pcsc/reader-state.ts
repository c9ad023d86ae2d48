/**
 * pcsclite reports the raw SCARD_STATE_* bit mask and repeats `status` events (a change in any
 * bit, e.g. INUSE when some program connects, fires one). These pure functions reduce the mask
 * to what the app cares about and say whether a card came or went.
 */
import { toHex } from '../protocol/tlv';
import { SCARD_STATE } from './pcsc-api';

export type CardPresence = 'present' | 'absent' | 'unavailable';

export function presenceOf(state: number): CardPresence {
  if (state & (SCARD_STATE.UNAVAILABLE | SCARD_STATE.UNKNOWN | SCARD_STATE.IGNORE)) {
    return 'unavailable';
  }
  // A mute card (no ATR) is physically there but cannot be talked to; treat it as absent so that
  // nothing tries to read it, and let the next status change bring it back.
  if (state & SCARD_STATE.PRESENT && !(state & SCARD_STATE.MUTE)) return 'present';
  return 'absent';
}

export type PresenceChange = 'inserted' | 'removed' | null;

export function presenceChange(before: CardPresence, after: CardPresence): PresenceChange {
  if (before !== 'present' && after === 'present') return 'inserted';
  if (before === 'present' && after !== 'present') return 'removed';
  return null;
}

/** Hex of an ATR, or undefined when there is none. */
export function atrHex(bytes: Uint8Array | undefined): string | undefined {
  return bytes && bytes.length > 0 ? toHex(bytes) : undefined;
}
