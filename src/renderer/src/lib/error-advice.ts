/**
 * Every error a person sees is a sentence saying what to do next. Main's message says what
 * happened; this adds the next step for the codes the screens know, unless the message already
 * says it.
 */
import type { KioskErrorShape, Language } from '../../../shared/domain';

export type Advice = 'moveCard' | 'scanAgain' | 'tryAgain' | 'callStaff' | 'deskCheck' | 'chipData';

const BY_CODE: [RegExp, Advice][] = [
  // The chip's own records disagree or lack the ID: no retry helps, the desk registers by hand.
  [/^CARD_DATA_/, 'chipData'],
  [/^CARD_(REMOVED|NO_CARD|IO_ERROR|TIMEOUT|RESET|UNRESPONSIVE|MOVED)/, 'moveCard'],
  [/^CARD_.*(KEY|BAC|PACE|ACCESS|AUTH|MRZ|QR)/, 'scanAgain'],
  [/^CHECKIN_.*(KEY|QR|MISMATCH)/, 'scanAgain'],
  [/^CARD_(NOT_CCCD|UNSUPPORTED|READER|PCSC)/, 'callStaff'],
  [/^INSURANCE_/, 'deskCheck'],
  [/^(PRINT|STORE|CONFIG|APP|INTERNAL|SIM)_?/, 'callStaff'],
];

export function adviceFor(error: KioskErrorShape): Advice {
  for (const [pattern, advice] of BY_CODE) if (pattern.test(error.code)) return advice;
  return error.retryable ? 'tryAgain' : 'callStaff';
}

// A message that already tells the person what to do needs no second instruction.
const ALREADY_ADVISES: Record<Language, RegExp> = {
  vi: /gọi nhân viên|hỏi nhân viên|thử lại|đặt (lại )?thẻ|hãy quét|quét lại|di chuyển thẻ/i,
  en: /(call|ask) (a member of )?staff|try again|(place|put) the card|scan (it|the|your)|move the card/i,
};

export function messageAlreadyAdvises(error: KioskErrorShape, lang: Language): boolean {
  return ALREADY_ADVISES[lang].test(error.message[lang]);
}
