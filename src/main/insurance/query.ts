/**
 * Checks a lookup query and turns it into the card check's body. Bad input is refused here,
 * before any request, with INSURANCE_INVALID_QUERY (the detail names the field, not its value).
 */
import type { InsuranceQuery } from '../../shared/domain';
import { BHYT_NUMBER, CCCD_NUMBER, normalizeCardNumber } from './card-number';
import { NAME_MAX_LENGTH, NAME_MIN_LENGTH } from '../../shared/identity-input';
import { dobToWire } from './dates';
import { insuranceErrors } from './errors';
import { collapseSpaces, stripDiacritics } from './names';
import type { CardCheckBody } from './wire';

export interface QueryOptions {
  nameDiacritics: 'keep' | 'strip';
  officer: { name: string; idNumber: string } | null;
}

export interface PreparedQuery {
  body: CardCheckBody;
  /** Identifies the person: concurrent lookups of one person share one request. */
  personKey: string;
  /** Identifies the exact question. */
  queryKey: string;
}

export function prepareQuery(q: InsuranceQuery, o: QueryOptions): PreparedQuery {
  const id = q.idNumber?.trim();
  const card = q.cardNumber ? normalizeCardNumber(q.cardNumber) : undefined;
  if ((id ? 1 : 0) + (card ? 1 : 0) !== 1) {
    throw insuranceErrors.invalidQuery('give exactly one of idNumber or cardNumber');
  }
  if (id && !CCCD_NUMBER.test(id)) throw insuranceErrors.invalidQuery('idNumber: 12 digits');
  if (card && !BHYT_NUMBER.test(card)) {
    throw insuranceErrors.invalidQuery('cardNumber: 2 letters, level 1-5, 12 digits');
  }
  const name = collapseSpaces(q.fullName ?? '').normalize('NFC');
  if (name.length < NAME_MIN_LENGTH || name.length > NAME_MAX_LENGTH)
    throw insuranceErrors.invalidQuery('fullName');
  const dob = dobToWire((q.dateOfBirth ?? '').trim());
  if (!dob) throw insuranceErrors.invalidQuery('dateOfBirth: YYYY-MM-DD or YYYY');
  const maThe = (id ?? card)!;
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
