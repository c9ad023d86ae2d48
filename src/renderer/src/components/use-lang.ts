import { useCallback, useMemo } from 'react';
import type { IsoDate, Language, LocalizedText } from '../../../shared/domain';
import { formatHospitalClock, hospitalDay, VIETNAM_TIME_ZONE } from '../../../shared/hospital-day';
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
  /** The hospital's day now (not the browser's). */
  today(): IsoDate;
}

/** Times as the hospital's clocks show them (hospital.timeZone), in the screen language. */
export function hospitalClock(lang: Language, zone: string): HospitalClock {
  return {
    time: (iso) => formatHospitalClock(iso, zone, LOCALES[lang]),
    dateTime: (iso) => formatHospitalClock(iso, zone, LOCALES[lang], 'date-time'),
    today: () => hospitalDay(new Date(), zone),
  };
}

/** The hospital clock of this station's configuration. */
export function useHospitalClock(): HospitalClock {
  const lang = useLang();
  // An older host sends no zone: Vietnam has one.
  const zone = useAppStore((s) => s.info?.hospital.timeZone) ?? VIETNAM_TIME_ZONE;
  return useMemo(() => hospitalClock(lang, zone), [lang, zone]);
}
