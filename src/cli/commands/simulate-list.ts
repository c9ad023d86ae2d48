import { SIM_IDENTITIES, simQrText, type SimIdentity } from '../../sim/data/identities';
import { runCommand, type RegisterCommand } from '../output';

/** One made-up person of the catalog, as a tester needs it to open the card. */
export interface SimIdentityListing {
  index: number;
  label: string;
  /** The 12-digit ID number (with the date of birth, the key of `read`/`checkin --id`). */
  idNumber: string;
  fullName: string;
  dateOfBirth: string | null;
  /** What the simulated lookup service answers (e.g. valid, expired, revoked). */
  insurance: string;
  cardNumber: string | null;
  chipProfile: string;
  /** The QR text on the card's front, for `--qr`. */
  qr: string;
}

export function listSimIdentities(): SimIdentityListing[] {
  return SIM_IDENTITIES.map((i: SimIdentity) => ({
    index: i.index,
    label: i.label,
    idNumber: i.card.idNumber,
    fullName: i.card.fullName,
    dateOfBirth: i.card.dateOfBirth,
    insurance: i.insurance.scenario,
    cardNumber: i.insurance.cardNumber,
    chipProfile: i.profile ?? 'real',
    qr: simQrText(i),
  }));
}

/** `simulate list`: the catalog of made-up people with the numbers that open their cards. */
export const registerSimulateList: RegisterCommand = (sim) => {
  sim
    .command('list')
    .description(
      'the simulated identities (made up): index for --sim-identity / simulate card, ID number and date of birth that open the chip, insurance scenario',
    )
    .option('--json', 'JSON output (with the QR text of each card)')
    .action(async (opts: { json?: boolean }) =>
      runCommand(
        opts,
        async () => listSimIdentities(),
        (list) =>
          list
            .map(
              (i) =>
                `${String(i.index).padStart(2)}  ${i.idNumber}  ${i.dateOfBirth ?? '----------'}  ${i.insurance.padEnd(20)} ${i.fullName} (${i.label})`,
            )
            .join('\n'),
      ),
    );
};
