/**
 * Vietnamese first, English second. Both resource files are bundled (no fetching: the CSP and
 * an offline kiosk both forbid it). Text from main (department names, error messages) arrives
 * already in both languages and is picked with `pick`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language, LocalizedText } from '../../../shared/domain';
import deskLanesEn from './desk-lanes.en.json';
import deskLanesVi from './desk-lanes.vi.json';
import en from './en.json';
import vi from './vi.json';

type Texts = { [key: string]: string | Texts };

/** Topic files (`<topic>.<lang>.json`) merged into the main translation, key by key. */
export function mergeTexts(base: Texts, ...more: Texts[]): Texts {
  const out: Texts = { ...base };
  for (const extra of more) {
    for (const [k, v] of Object.entries(extra)) {
      const had = out[k];
      out[k] =
        typeof v === 'object' && typeof had === 'object' ? mergeTexts(had, v) : (v as string);
    }
  }
  return out;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: mergeTexts(vi, deskLanesVi) },
    en: { translation: mergeTexts(en, deskLanesEn) },
  },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // Keeps the console (and the e2e logs) free of the library's advertisement.
  showSupportNotice: false,
});

export function pick(text: LocalizedText, language: Language): string {
  return text[language] || text.vi;
}

/** The locale each screen language formats dates and times with. */
export const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
