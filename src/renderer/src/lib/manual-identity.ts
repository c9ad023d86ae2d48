/**
 * The desk's manual entry: what staff type (or what a QR scanner put in the field), checked
 * field by field so each problem gets its own sentence next to its input.
 */
import type { IsoDate, ManualIdentityInput, Sex } from '../../../shared/domain';
import { checkManualIdentity, type IdentityFieldError } from '../../../shared/identity-input';
import { readPresentedInput } from '../../../shared/presented-input';

export interface ManualForm {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: '' | Sex;
  cardNumber: string;
}

export const EMPTY_MANUAL_FORM: ManualForm = {
  idNumber: '',
  fullName: '',
  dateOfBirth: '',
  sex: '',
  cardNumber: '',
};

/** i18n keys under `manual.errors.` */
export type ManualFieldError = IdentityFieldError;

export type ManualErrors = Partial<Record<keyof ManualForm, ManualFieldError>>;

export type ManualValidation =
  { ok: true; value: ManualIdentityInput } | { ok: false; errors: ManualErrors };

/** The shared rules (src/shared/identity-input.ts), so the desk refuses what main would. */
/**
 * Text the desk's QR field sends to main as it is (a BHYT card QR, a typed card code or
 * social-insurance number): the check-in reads it as the kiosk would.
 */
export function isPresentedWithoutForm(text: string): boolean {
  const read = readPresentedInput(text);
  return read.ok && read.value.kind !== 'cccd-qr' && read.value.kind !== 'typed-cccd';
}

export function validateManualForm(form: ManualForm, today: IsoDate): ManualValidation {
  return checkManualIdentity(form, today);
}

/**
 * The QR on a CCCD's front, read by the one parser (src/shared/presented-input, scanner quirks
 * included), as form fields for staff to check; null when the text is not that QR.
 */
export function formFromCardQr(text: string): ManualForm | null {
  const read = readPresentedInput(text);
  if (!read.ok || read.value.kind !== 'cccd-qr') return null;
  const qr = read.value.qr;
  return {
    idNumber: qr.idNumber,
    fullName: qr.fullName,
    dateOfBirth: qr.dateOfBirth,
    sex: qr.sex ?? '',
    cardNumber: '',
  };
}
