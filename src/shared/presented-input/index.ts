/** Identity text typed or scanned, routed by its shape (see ./route.ts). */
export * from './errors';
export * from './route';
export { readBhytQr, CARD_CODE_15, SOCIAL_INSURANCE_NUMBER, type BhytQr } from './bhyt-qr';
export { readTypedNumber, compactTyped, type TypedNumber } from './typed-number';
export { normaliseScan } from './normalise';
export { decodeHexText, untelexHex } from './hex-text';
