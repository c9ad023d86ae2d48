/**
 * Vietnamese first, English second. Both resource files are bundled (no fetching: the CSP and
 * an offline kiosk both forbid it). Text from main (department names, error messages) arrives
 * already in both languages and is picked with `pick`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language, LocalizedText } from '../../../shared/domain';
import en from './en.json';
import vi from './vi.json';
import staffEn from './staff.en.json';
import staffVi from './staff.vi.json';

export const i18n = i18next.createInstance();

type Tree = { [key: string]: string | Tree };

/** A topic's texts (its own file, so that several people add texts at once) into the base. */
function deepMerge(base: object, extra: object): Tree {
  const out: Tree = { ...(base as Tree) };
  for (const [k, v] of Object.entries(extra as Tree)) {
    const here = out[k];
    out[k] =
      typeof v === 'object' && typeof here === 'object' ? deepMerge(here, v) : (v as string | Tree);
  }
  return out;
}

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: deepMerge(vi, staffVi) },
    en: { translation: deepMerge(en, staffEn) },
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
