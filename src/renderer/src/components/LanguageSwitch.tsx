import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';

export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const other = language === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className={`button language-switch ${className}`}
      data-testid="language-switch"
      lang={other}
      aria-label={t('language.switchLabel')}
      onClick={() => setLanguage(other)}
    >
      {t('language.switchTo')}
    </button>
  );
}
