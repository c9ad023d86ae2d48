import { useCallback } from 'react';
import type { Language, LocalizedText } from '../../../shared/domain';
import { pick } from '../i18n';
import { useAppStore } from '../stores/app-store';

export function useLang(): Language {
  return useAppStore((s) => s.language);
}

/** Picks the current language's text of a {vi, en} value from main. */
export function usePick(): (text: LocalizedText) => string {
  const lang = useLang();
  return useCallback((text: LocalizedText) => pick(text, lang), [lang]);
}
