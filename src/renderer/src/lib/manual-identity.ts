/**
 * The desk's manual entry: what staff type (or what a QR scanner put in the field), checked
 * field by field so each problem gets its own sentence next to its input.
 */
import type { IsoDate, ManualIdentityInput, Sex } from '../../../shared/domain';
import {
  checkManualIdentity,
  parseCardQr,
  type IdentityFieldError,
} from '../../../shared/identity-input';

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
export function validateManualForm(form: ManualForm, today: IsoDate): ManualValidation {
  return checkManualIdentity(form, today);
}

/**
 * The QR on a CCCD's front, read by the shared parser, as form fields for staff to check; null
 * when the text is not that QR.
 */
export function formFromCardQr(text: string): ManualForm | null {
  const parsed = parseCardQr(text);
  if (!parsed.ok) return null;
  const qr = parsed.value;
  return {
    idNumber: qr.idNumber,
    fullName: qr.fullName,
    dateOfBirth: qr.dateOfBirth,
    sex: qr.sex ?? '',
    cardNumber: '',
  };
}
