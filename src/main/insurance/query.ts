/**
 * Checks a lookup query and turns it into the card check's body. Bad input is refused here,
 * before any request, with INSURANCE_INVALID_QUERY (the detail names the field, not its value).
 */
import type { CheckingOfficer, InsuranceQuery } from '../../shared/domain';
import { BHYT_NUMBER, CCCD_NUMBER, normalizeCardNumber } from './card-number';
import { SOCIAL_INSURANCE_NUMBER } from '../../shared/presented-input';
import { NAME_MAX_LENGTH, NAME_MIN_LENGTH } from '../../shared/identity-input';
import { dobToWire } from './dates';
import { insuranceErrors } from './errors';
import { collapseSpaces, stripDiacritics } from './names';
import type { CardCheckBody } from './wire';

export interface QueryOptions {
  nameDiacritics: 'keep' | 'strip';
  /** The checking officer (hoTenCb / cccdCb); null for the 2018 API, which has none. */
  officer: CheckingOfficer | null;
}

export interface PreparedQuery {
  body: CardCheckBody;
  /** Identifies the person: concurrent lookups of one person share one request. */
  personKey: string;
  /** Identifies the exact question. */
  queryKey: string;
}

/**
 * The one number of a query, as the gateway's `maThe`: 12-digit CCCD, 15-character card code or
 * 10-digit social-insurance number (reference §2). Refused unless exactly one is given and it
 * has its kind's shape.
 */
export function queryNumber(q: InsuranceQuery): string {
  const id = q.idNumber?.trim();
  const card = q.cardNumber ? normalizeCardNumber(q.cardNumber) : undefined;
  const sin = q.socialInsuranceNumber?.replace(/\s+/g, '');
  if ((id ? 1 : 0) + (card ? 1 : 0) + (sin ? 1 : 0) !== 1) {
    throw insuranceErrors.invalidQuery(
      'give exactly one of idNumber, cardNumber or socialInsuranceNumber',
    );
  }
  if (id && !CCCD_NUMBER.test(id)) throw insuranceErrors.invalidQuery('idNumber: 12 digits');
  // The 10-digit social-insurance number alone is the code of a 2021-model card (the gateway
  // answers with the full 15-character code: the team's BHXH gateway reference §2).
  if (card && !BHYT_NUMBER.test(card) && !SOCIAL_INSURANCE_NUMBER.test(card)) {
    throw insuranceErrors.invalidQuery('cardNumber: 2 letters, level 1-5, 12 digits; or 10 digits');
  }
  if (sin && !SOCIAL_INSURANCE_NUMBER.test(sin)) {
    throw insuranceErrors.invalidQuery('socialInsuranceNumber: 10 digits');
  }
  return (id ?? card ?? sin)!;
}

export function prepareQuery(q: InsuranceQuery, o: QueryOptions): PreparedQuery {
  const maThe = queryNumber(q);
  const name = collapseSpaces(q.fullName ?? '').normalize('NFC');
  if (name.length < NAME_MIN_LENGTH || name.length > NAME_MAX_LENGTH)
    throw insuranceErrors.invalidQuery('fullName');
  const dob = dobToWire((q.dateOfBirth ?? '').trim());
  if (!dob) throw insuranceErrors.invalidQuery('dateOfBirth: YYYY-MM-DD or YYYY');
  const body: CardCheckBody = {
    maThe,
    hoTen: o.nameDiacritics === 'strip' ? stripDiacritics(name) : name,
    ngaySinh: dob,
  };
  if (o.officer) {
    body.hoTenCb = o.officer.name;
    body.cccdCb = o.officer.idNumber;
  }
  return { body, personKey: maThe, queryKey: `${maThe}|${name.toUpperCase()}|${dob}` };
}
