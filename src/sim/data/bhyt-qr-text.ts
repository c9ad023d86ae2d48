/**
 * What the BHYT card QR of a made-up person says, laid out as the team's QR-formats reference §1 shows:
 * `|`-separated, `-` for an empty field, name/address/guardian/place of issue as lower-case hex
 * of NFC UTF-8, dates `dd/MM/yyyy`, ending `|$`. Two models: the older card with the
 * 15-character code (15 parts) and the 2021 model with the 10-digit number and the place of
 * issue (17 parts). The check string is a placeholder (its algorithm is unknown) that no parser
 * may validate. For the simulators and the developer panel; tests of the parser use
 * hand-written strings instead.
 */
import type { SimIdentity } from './identities';

const hex = (text: string): string => Buffer.from(text.normalize('NFC'), 'utf8').toString('hex');
const dmy = (iso: string | null): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '-';
const field = (text: string | null | undefined): string => (text ? hex(text) : '-');

export type BhytCardModel = 'code-15' | 'model-2021';

interface QrPerson {
  card: SimIdentity['card'];
  insurance: SimIdentity['insurance'];
  guardianName?: string;
}

/** null: the person has no BHYT card. */
export function simBhytQrText(p: QrPerson, model: BhytCardModel = 'code-15'): string | null {
  const code = p.insurance.cardNumber;
  if (!code) return null;
  const c = p.card;
  const socialInsurance = code.slice(5);
  const facility = `${p.insurance.facilityCode.slice(0, 2)} - ${p.insurance.facilityCode.slice(2)}`;
  const common = [
    field(c.fullName),
    c.dateOfBirth ? (/^\d{4}$/.test(c.dateOfBirth) ? c.dateOfBirth : dmy(c.dateOfBirth)) : '-',
    c.sex === 'F' ? '2' : '1',
  ];
  const managed = `${code.slice(3, 5)}01${socialInsurance}`;
  if (model === 'model-2021') {
    return [
      socialInsurance,
      ...common,
      '-',
      facility,
      dmy(p.insurance.validFrom),
      '-',
      dmy(p.insurance.validFrom),
      managed,
      field(p.guardianName),
      '4',
      ` ${dmy(p.insurance.fiveYearsFrom)}`,
      '0000000000000000-1202',
      '4',
      field('Quận Ba Đình, Thành phố Hà Nội'),
      '$',
    ].join('|');
  }
  return [
    code,
    ...common,
    field(c.placeOfResidence),
    facility,
    dmy(p.insurance.validFrom),
    dmy(p.insurance.validTo),
    dmy(p.insurance.validFrom),
    managed,
    field(p.guardianName),
    '4',
    dmy(p.insurance.fiveYearsFrom),
    '0000000000000000-7102',
    '$',
  ].join('|');
}
