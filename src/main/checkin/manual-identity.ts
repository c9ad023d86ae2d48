/** Checks what staff typed at the desk before it is used for a lookup and a visit. */
import type { IsoDate, ManualIdentityInput } from '../../shared/domain';
import { checkManualIdentity, IDENTITY_FIELD_MESSAGES } from '../../shared/identity-input';
import { checkinErrors } from '../domain/checkin-errors';

/** The normalised identity (the shared rules), or CHECKIN_BAD_INPUT naming the first bad field. */
export function validateManualIdentity(
  input: ManualIdentityInput,
  /** The hospital's day (hospital.timeZone): a date of birth after it is refused. */
  today: IsoDate,
): ManualIdentityInput {
  const result = checkManualIdentity(input, today);
  if (result.ok) return result.value;
  const [field, code] = Object.entries(result.errors)[0]!;
  const m = IDENTITY_FIELD_MESSAGES[code];
  throw checkinErrors.badInput(field, m.vi, m.en);
}
