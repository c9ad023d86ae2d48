import { useTranslation } from 'react-i18next';
import { ErrorSentence } from '../components/ErrorSentence';
import { useHospitalClock, useLang } from '../components/use-lang';
import { useAppStore } from '../stores/app-store';

/** Reader(s), the lookup service, and the staff switch for insurance checking. */
export function StatusBar() {
  const { t } = useTranslation();
  const lang = useLang();
  const clock = useHospitalClock();
  const readers = useAppStore((s) => s.readers);
  const gateway = useAppStore((s) => s.gateway);
  const checking = useAppStore((s) => s.info?.insuranceChecking ?? true);
  const setChecking = useAppStore((s) => s.setInsuranceChecking);
  const actionError = useAppStore((s) => s.actionError);
  const dismiss = useAppStore((s) => s.dismissActionError);

  return (
    <section className="status-bar" aria-label={t('desk.status.title')}>
      <div className="status-item" data-testid="reader-status" aria-live="polite">
        <h2>{t('desk.status.reader')}</h2>
        {readers.length === 0 ? (
          <p className="status-bad">{t('desk.status.noReader')}</p>
        ) : (
          <ul>
            {readers.map((r) => (
              <li key={r.name} data-state={r.state}>
                <span className={`dot state-${r.state}`} aria-hidden="true" /> {r.name}
                {r.kind === 'simulated' ? ` (${t('desk.status.simulated')})` : ''}:{' '}
                <strong>{t(`desk.readerState.${r.state}`)}</strong>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div
        className="status-item"
        data-testid="gateway-status"
        data-state={gateway?.state ?? 'unknown'}
        aria-live="polite"
      >
        <h2>{t('desk.status.gateway')}</h2>
        <p>
          <span className={`dot gateway-${gateway?.state ?? 'unknown'}`} aria-hidden="true" />{' '}
          <strong>{t(`desk.gatewayState.${gateway?.state ?? 'unknown'}`)}</strong>
          {gateway?.simulated ? ` (${t('desk.status.simulated')})` : ''}
        </p>
        {gateway?.lastSuccessAt && (
          <p className="hint">
            {t('desk.status.lastSuccess', { time: clock.time(gateway.lastSuccessAt) })}
          </p>
        )}
        {gateway?.state !== 'online' && gateway?.lastFailure && (
          <p className="hint">{gateway.lastFailure.message[lang]}</p>
        )}
      </div>
      <div className="status-item">
        <h2 id="insurance-switch-label">{t('desk.status.insuranceChecking')}</h2>
        <button
          type="button"
          role="switch"
          aria-checked={checking}
          aria-labelledby="insurance-switch-label"
          className={`switch${checking ? ' on' : ''}`}
          data-testid="insurance-switch"
          onClick={() => void setChecking(!checking)}
        >
          <span className="switch-text">
            {checking ? t('desk.status.on') : t('desk.status.off')}
          </span>
        </button>
      </div>
      {actionError && (
        <ErrorSentence
          audience="staff"
          error={actionError}
          testId="status-error"
          onDismiss={dismiss}
        />
      )}
    </section>
  );
}
