/**
 * Vietnamese first, English second. Both resource files are bundled (no fetching: the CSP and
 * an offline kiosk both forbid it). Text from main (department names, error messages) arrives
 * already in both languages and is picked with `pick`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language, LocalizedText } from '../../../shared/domain';
import chipTrustEn from './chip-trust.en.json';
import chipTrustVi from './chip-trust.vi.json';
import deskLanesEn from './desk-lanes.en.json';
import deskLanesVi from './desk-lanes.vi.json';
import devInputEn from './dev-input.en.json';
import devInputVi from './dev-input.vi.json';
import en from './en.json';
import faceEn from './face.en.json';
import faceVi from './face.vi.json';
import vi from './vi.json';
import arrivalsEn from './arrivals.en.json';
import arrivalsVi from './arrivals.vi.json';
import staffEn from './staff.en.json';
import staffVi from './staff.vi.json';

type Tree = { [key: string]: string | Tree };

/**
 * Topic files (one per feature, so that several people add texts at once) add keys to the main
 * translation; a nested object is merged, not replaced.
 */
const TOPICS_VI: Tree[] = [chipTrustVi, staffVi, deskLanesVi, arrivalsVi, faceVi, devInputVi];
const TOPICS_EN: Tree[] = [chipTrustEn, staffEn, deskLanesEn, arrivalsEn, faceEn, devInputEn];

function deepMerge(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      typeof value === 'object' && typeof current === 'object' ? deepMerge(current, value) : value;
  }
  return out;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: TOPICS_VI.reduce<Tree>((all, topic) => deepMerge(all, topic), vi) },
    en: { translation: TOPICS_EN.reduce<Tree>((all, topic) => deepMerge(all, topic), en) },
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
