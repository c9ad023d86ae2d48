/** What the screen shows about the person: built from a chip read or from staff's typing. */
import type { BhytQr } from '../../shared/presented-input';
import type {
  CardIdentity,
  CardReadResult,
  ManualIdentityInput,
  PatientView,
} from '../../shared/domain';

/** A chip read as the reader service gives it: the result and DG2's image bytes. */
export interface ChipReadForView {
  result: CardReadResult;
  photo: Uint8Array | null;
  /**
   * DG2's image as JPEG when it was in another format (JPEG 2000, decoded in main: see
   * src/main/card/photo-jpeg.ts); absent: shown only when it is JPEG already.
   */
  photoJpeg?: Uint8Array | null;
}

/** Browsers show JPEG; JPEG 2000 (some chips) has no browser decoder: main converts it first. */
export function photoDataUrl(format: string, bytes: Uint8Array | null): string | null {
  if (!bytes || bytes.length === 0 || format !== 'jpeg') return null;
  return `data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}`;
}

export function patientFromCard(out: ChipReadForView): PatientView {
  const r = out.result;
  return {
    idNumber: r.idNumber,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    source: 'chip',
    photoDataUrl: out.photoJpeg
      ? photoDataUrl('jpeg', out.photoJpeg)
      : photoDataUrl(r.photo.format, out.photo),
    photoFormat: out.photo ? r.photo.format : null,
    passiveAuthentication: r.passiveAuthentication,
    chipAuthentication: r.chipAuthentication,
    idNumberCheck: r.idNumberCheck,
  };
}

/** The person as soon as DG1 + DG13 are read: no photo and no verification yet. */
export function patientFromIdentity(identity: CardIdentity): PatientView {
  return {
    idNumber: identity.idNumber,
    fullName: identity.fullName,
    dateOfBirth: identity.dateOfBirth,
    sex: identity.sex,
    source: 'chip',
    photoDataUrl: null,
    photoFormat: null,
    passiveAuthentication: null,
    chipAuthentication: null,
    idNumberCheck: null,
  };
}

export function patientFromManual(input: ManualIdentityInput): PatientView {
  return {
    idNumber: input.idNumber,
    fullName: input.fullName,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    source: 'typed',
    photoDataUrl: null,
    photoFormat: null,
    passiveAuthentication: null,
    chipAuthentication: null,
    idNumberCheck: null,
  };
}

const NOT_A_CHIP = {
  photoDataUrl: null,
  photoFormat: null,
  passiveAuthentication: null,
  chipAuthentication: null,
  idNumberCheck: null,
} as const;

/** A BHYT card QR: no CCCD number (a child has none), the card code instead. Not verified. */
export function patientFromBhytQr(card: BhytQr): PatientView {
  return {
    idNumber: '',
    fullName: card.fullName,
    dateOfBirth: card.dateOfBirth,
    sex: card.sex,
    cardNumber: card.cardCode,
    source: 'qr',
    ...NOT_A_CHIP,
  };
}

/** A returning patient found by a typed number: what the station knew of them. */
export function patientFromKnown(known: {
  idNumber: string | null;
  cardNumber: string | null;
  fullName: string;
  dateOfBirth: string | null;
  sex: PatientView['sex'];
}): PatientView {
  return {
    idNumber: known.idNumber ?? '',
    fullName: known.fullName,
    dateOfBirth: known.dateOfBirth,
    sex: known.sex,
    cardNumber: known.cardNumber,
    source: 'typed',
    ...NOT_A_CHIP,
  };
}

/** Nobody yet: a desk ticket for a person the station cannot identify. */
export function unidentifiedPatient(): PatientView {
  return {
    idNumber: '',
    fullName: '',
    dateOfBirth: null,
    sex: null,
    source: 'typed',
    ...NOT_A_CHIP,
  };
}
