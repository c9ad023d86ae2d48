/** Visits the HIS refused, with its words, and a Resend button each (issue 14). */
import { useTranslation } from 'react-i18next';
import { ErrorSentence } from '../components/ErrorSentence';
import { useHospitalClock } from '../components/use-lang';
import { useHisStore } from '../stores/his-store';

export function HisPanel() {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  const status = useHisStore((s) => s.status);
  const resending = useHisStore((s) => s.resending);
  const error = useHisStore((s) => s.error);
  const resend = useHisStore((s) => s.resend);
  if (!status?.enabled) return null;
  return (
    <section className="panel his-panel" aria-labelledby="his-title" data-testid="his-panel">
      <h2 id="his-title">{t('desk.his.title')}</h2>
      <p aria-live="polite" data-testid="his-waiting">
        {t('desk.his.waiting', { count: status.waiting })}
      </p>
      {error && <ErrorSentence audience="staff" error={error} testId="his-error" />}
      {status.refusals.length === 0 ? (
        <p className="hint">{t('desk.his.none')}</p>
      ) : (
        <ul className="his-refusals">
          {status.refusals.map((r) => (
            <li key={r.visitId} data-testid={`his-refusal-${r.visitId}`}>
              <p>
                <strong>{r.queueNumber}</strong> · {clock.dateTime(r.at)}
                {r.status !== null ? ` · HTTP ${r.status}` : ''}
              </p>
              <p className="his-outcome">{r.text}</p>
              <button
                type="button"
                className="button button-small"
                data-testid="his-resend"
                disabled={resending !== null}
                onClick={() => void resend(r.visitId)}
              >
                {resending === r.visitId ? t('desk.his.resending') : t('desk.his.resend')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
