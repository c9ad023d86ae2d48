/**
 * Opens a CCCD chip the way real cards expect (the CCCD reference): EF.CardAccess read before any
 * applet is selected (by SFI, then by FID; the MF is never selected: real cards answer 6D00),
 * then PACE with the CAN (the last 6 digits of the ID number), then PACE with the MRZ password,
 * then BAC. The ID number alone opens a card that offers PACE; a BAC-only card needs the date of
 * birth too (CARD_KEY_NEEDS_DOB says so, so the screen can ask for it).
 */
import { KioskError, kioskError } from '../../../shared/errors';
import type { ChipPasswords } from './access-key';
import { commands, describeSw, SW } from './apdu';
import { performBac, type BacRandom } from './bac';
import type { CardConnection } from './connection';
import { protocolErrors } from './errors';
import { authenticateWithPace, type PaceOptions } from './pace';
import type { PacePassword } from './pace-crypto';

export type AccessControl = 'PACE-CAN' | 'PACE-MRZ' | 'BAC';

export interface OpenChipOptions {
  /** Look for PACE first (default true); false = BAC only. */
  pace?: boolean;
  bacRandom?: BacRandom;
  paceOptions?: PaceOptions;
}

export async function selectApplet(conn: CardConnection): Promise<void> {
  const r = await conn.send(commands.selectApplet());
  if (r.sw === SW.OK) return;
  throw protocolErrors.notCccd(`SELECT eMRTD applet: ${describeSw(r.sw)}`);
}

/** A BAC-only card and a key without the date of birth: ask for it. */
export const needsDob = (detail: string): KioskError =>
  kioskError(
    'CARD_KEY_NEEDS_DOB',
    'Chip của thẻ này cần thêm ngày sinh để mở. Vui lòng quét mã QR trên thẻ hoặc nhập thêm ngày sinh.',
    'This card’s chip also needs the date of birth to open. Scan the QR code on the card, or add the date of birth.',
    { detail, retryable: true },
  );

const isWrongKey = (err: unknown): boolean =>
  err instanceof KioskError && err.code === 'CARD_WRONG_KEY';

/**
 * Authenticates on `conn` (fresh, nothing selected) and leaves the eMRTD applet selected with
 * secure messaging on. CARD_WRONG_KEY when every password was refused.
 */
export async function openChip(
  conn: CardConnection,
  passwords: ChipPasswords,
  options: OpenChipOptions = {},
): Promise<AccessControl> {
  let paceRefused = false;
  if (options.pace ?? true) {
    const list: PacePassword[] = [
      ...(passwords.can !== null ? [{ kind: 'can' as const, can: passwords.can }] : []),
      ...passwords.mrz.map((c) => ({ kind: 'mrz' as const, mrzInfo: c.mrzInfo })),
    ];
    const outcome = await authenticateWithPace(conn, list, options.paceOptions);
    if (outcome.established) {
      await selectApplet(conn); // secured: PACE ran before the applet was selected
      return outcome.password === 'can' ? 'PACE-CAN' : 'PACE-MRZ';
    }
    paceRefused = outcome.refused;
  }

  await selectApplet(conn);
  if (passwords.mrz.length === 0) {
    if (paceRefused) throw protocolErrors.wrongKey('PACE refused the CAN');
    throw needsDob('the card offers no PACE and BAC needs the date of birth');
  }
  for (let i = 0; i < passwords.mrz.length; i++) {
    if (i > 0) {
      conn.endSecureMessaging();
      await selectApplet(conn);
    }
    try {
      await performBac(conn, passwords.mrz[i]!.mrzInfo, options.bacRandom);
      return 'BAC';
    } catch (err) {
      if (isWrongKey(err)) continue;
      // A PACE-only chip answers BAC's GET CHALLENGE with an error: the refusal was PACE's.
      if (paceRefused && err instanceof KioskError && err.code === 'CARD_PROTOCOL') break;
      throw err;
    }
  }
  throw protocolErrors.wrongKey(
    `${paceRefused ? 'PACE and ' : ''}BAC refused ${passwords.mrz.length} candidate key(s)`,
  );
}
