/**
 * When a desk officer's session ends, and whether their chip may sign them in — pure functions
 * of the session, the clock and the configuration.
 */
import type {
  PassiveAuthResult,
  ChipAuthResult,
  SignedInOfficer,
  SignOutReason,
} from '../../shared/domain';
import { hospitalDay } from '../../shared/hospital-day';
import { kioskError, type KioskError } from '../../shared/errors';

/**
 * The reason a session is over at `now`, or null while it lasts: idle longer than `idleMinutes`
 * since the last staff action, or the hospital's day it began has ended.
 */
export function sessionEnded(
  session: SignedInOfficer,
  now: Date,
  idleMinutes: number,
  timeZone: string,
): Exclude<SignOutReason, 'signed-out' | 'replaced'> | null {
  if (hospitalDay(now, timeZone) !== hospitalDay(new Date(session.signedInAt), timeZone)) {
    return 'end-of-day';
  }
  const idleMs = now.getTime() - new Date(session.lastActivityAt).getTime();
  return idleMs >= idleMinutes * 60_000 ? 'idle' : null;
}

/**
 * An officer's own chip signs them in only when it proved genuine: passive authentication
 * valid (the data is as the issuer signed it) and chip authentication not failed (not a copy).
 */
export function officerChipProblem(pa: PassiveAuthResult, ca: ChipAuthResult): KioskError | null {
  if (pa.status === 'valid' && ca.status !== 'failed') return null;
  return kioskError(
    'STAFF_CHIP_NOT_VERIFIED',
    'Không xác thực được chip CCCD của cán bộ: không thể đăng nhập bằng thẻ này. Hãy nhập họ tên và số CCCD.',
    "The officer's ID card chip could not be authenticated: it cannot sign in. Type the name and ID number instead.",
    { detail: `passive ${pa.status}, chip ${ca.status}` },
  );
}
