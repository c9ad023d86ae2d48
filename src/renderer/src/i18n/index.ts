/**
 * Vietnamese first, English second. Both resource files are bundled (no fetching: the CSP and
 * an offline kiosk both forbid it). Text from main (department names, error messages) arrives
 * already in both languages and is picked with `pick`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language, LocalizedText } from '../../../shared/domain';
import en from './en.json';
import faceEn from './face.en.json';
import faceVi from './face.vi.json';
import vi from './vi.json';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  // Each feature's texts in their own files (face.*.json), merged in: no key is shared.
  resources: {
    vi: { translation: { ...vi, ...faceVi } },
    en: { translation: { ...en, ...faceEn } },
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
