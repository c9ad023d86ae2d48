import { useTranslation } from 'react-i18next';
import type { KioskErrorShape } from '../../../shared/domain';
import { adviceFor, messageAlreadyAdvises } from '../lib/error-advice';
import { useLang } from './use-lang';

/** What went wrong, then what to do next, as sentences. */
export function ErrorSentence({
  error,
  testId = 'error-sentence',
  onDismiss,
  audience = 'patient',
}: {
  error: KioskErrorShape;
  testId?: string;
  onDismiss?: () => void;
  /** Who reads it: the next step for a patient at a kiosk differs from staff at the desk. */
  audience?: 'patient' | 'staff';
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const advice = messageAlreadyAdvises(error, lang)
    ? null
    : t(`${audience === 'staff' ? 'staffAdvice' : 'advice'}.${adviceFor(error)}`);
  return (
    <div role="alert" className="error-sentence" data-testid={testId} data-code={error.code}>
      <p className="error-message">{error.message[lang]}</p>
      {advice && <p className="error-advice">{advice}</p>}
      {onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('actions.dismiss')}
        </button>
      )}
    </div>
  );
}
