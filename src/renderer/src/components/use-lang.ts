import { useCallback, useMemo } from 'react';
import type { Language, LocalizedText } from '../../../shared/domain';
import { formatHospitalClock, VIETNAM_TIME_ZONE } from '../../../shared/hospital-day';
import { LOCALES, pick } from '../i18n';
import { useAppStore } from '../stores/app-store';

export function useLang(): Language {
  return useAppStore((s) => s.language);
}

/** Picks the current language's text of a {vi, en} value from main. */
export function usePick(): (text: LocalizedText) => string {
  const lang = useLang();
  return useCallback((text: LocalizedText) => pick(text, lang), [lang]);
}

export interface HospitalClock {
  /** `08:15` in the hospital's zone. */
  time(iso: string): string;
  /** `23/11/2026 08:15` in the hospital's zone. */
  dateTime(iso: string): string;
}

/** Times as the hospital's clocks show them (hospital.timeZone), in the screen language. */
export function useHospitalClock(): HospitalClock {
  const lang = useLang();
  // An older host sends no zone: Vietnam has one.
  const zone = useAppStore((s) => s.info?.hospital.timeZone) ?? VIETNAM_TIME_ZONE;
  return useMemo(
    () => ({
      time: (iso) => formatHospitalClock(iso, zone, LOCALES[lang]),
      dateTime: (iso) => formatHospitalClock(iso, zone, LOCALES[lang], 'date-time'),
    }),
    [lang, zone],
  );
}
