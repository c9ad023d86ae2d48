/**
 * Every error a person sees is a sentence saying what to do next. Main's message says what
 * happened; this adds the next step for the codes the screens know, unless the message already
 * says it.
 */
import type { KioskErrorShape, Language } from '../../../shared/domain';
import { errorKind, type ErrorKind } from '../../../shared/error-codes';

export type Advice = 'moveCard' | 'scanAgain' | 'tryAgain' | 'callStaff' | 'deskCheck' | 'chipData';

/** The next step for an error, by its code's kind (src/shared/error-codes.ts). */
export function adviceFor(error: KioskErrorShape): Advice {
  const kind: ErrorKind | null = errorKind(error.code);
  switch (kind) {
    case 'chip-data':
      // The chip's own records disagree or lack the ID: no retry helps, the desk registers by hand.
      return 'chipData';
    case 'card-contact':
      return 'moveCard';
    case 'card-key':
      return 'scanAgain';
    case 'reader-setup':
    case 'system':
      return 'callStaff';
    case 'insurance':
      return 'deskCheck';
    case 'request':
    case null:
      // A code this screen does not know (a newer main) is treated like a refused request.
      return error.retryable ? 'tryAgain' : 'callStaff';
    default:
      return unreachable(kind);
  }
}

function unreachable(kind: never): never {
  throw new Error(`error kind without advice: ${String(kind)}`);
}

// A message that already tells the person what to do needs no second instruction.
const ALREADY_ADVISES: Record<Language, RegExp> = {
  vi: /gọi nhân viên|hỏi nhân viên|thử lại|đặt (lại )?thẻ|hãy quét|quét lại|di chuyển thẻ/i,
  en: /(call|ask) (a member of )?staff|try again|(place|put) the card|scan (it|the|your)|move the card/i,
};

export function messageAlreadyAdvises(error: KioskErrorShape, lang: Language): boolean {
  return ALREADY_ADVISES[lang].test(error.message[lang]);
}
