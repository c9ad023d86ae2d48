/** Checks what staff typed at the desk before it is used for a lookup and a visit. */
import type { ManualIdentityInput } from '../../shared/domain';
import { isIsoDay } from '../../shared/hospital-day';
import { checkinErrors } from './checkin-errors';

const bad = checkinErrors.badInput;

export function validateManualIdentity(input: ManualIdentityInput): ManualIdentityInput {
  const idNumber = String(input.idNumber ?? '').trim();
  if (!/^\d{12}$/.test(idNumber)) {
    throw bad('idNumber', 'Số CCCD phải có 12 chữ số.', 'The CCCD number must have 12 digits.');
  }
  const fullName = String(input.fullName ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  if (fullName.length === 0 || fullName.length > 100) {
    throw bad(
      'fullName',
      'Hãy nhập họ và tên (tối đa 100 ký tự).',
      'Enter the full name (at most 100 characters).',
    );
  }
  const dateOfBirth = String(input.dateOfBirth ?? '').trim();
  if (!isIsoDay(dateOfBirth)) {
    throw bad(
      'dateOfBirth',
      'Ngày sinh phải có dạng YYYY-MM-DD.',
      'The date of birth must be YYYY-MM-DD.',
    );
  }
  if (input.sex !== 'M' && input.sex !== 'F') {
    throw bad('sex', 'Giới tính phải là Nam (M) hoặc Nữ (F).', 'Sex must be M or F.');
  }
  let cardNumber: string | undefined;
  if (input.cardNumber !== undefined && String(input.cardNumber).trim() !== '') {
    cardNumber = String(input.cardNumber).trim().toUpperCase();
    if (!/^[A-Z]{2}\d{13}$/.test(cardNumber)) {
      throw bad(
        'cardNumber',
        'Số thẻ BHYT gồm 15 ký tự: 2 chữ cái rồi 13 chữ số.',
        'The BHYT card number has 15 characters: 2 letters, then 13 digits.',
      );
    }
  }
  return { idNumber, fullName, dateOfBirth, sex: input.sex, ...(cardNumber ? { cardNumber } : {}) };
}
