/** Checks what staff typed at the desk before it is used for a lookup and a visit. */
import type { ManualIdentityInput } from '../../shared/domain';
import { hospitalDay, VIETNAM_TIME_ZONE } from '../../shared/hospital-day';
import { checkManualIdentity, IDENTITY_FIELD_MESSAGES } from '../../shared/identity-input';
import { checkinErrors } from './checkin-errors';

/** The normalised identity (the shared rules), or CHECKIN_BAD_INPUT naming the first bad field. */
export function validateManualIdentity(
  input: ManualIdentityInput,
  now: Date = new Date(),
): ManualIdentityInput {
  const result = checkManualIdentity(input, hospitalDay(now, VIETNAM_TIME_ZONE));
  if (result.ok) return result.value;
  const [field, code] = Object.entries(result.errors)[0]!;
  const m = IDENTITY_FIELD_MESSAGES[code];
  throw checkinErrors.badInput(field, m.vi, m.en);
}
