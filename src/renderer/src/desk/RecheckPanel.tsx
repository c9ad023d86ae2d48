/** Re-checks that disagreed with what was used at check-in, for staff to look at and resolve. */
import { useTranslation } from 'react-i18next';
import { useHospitalClock } from '../components/use-lang';
import { useAppStore } from '../stores/app-store';

export function RecheckPanel() {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  const recheck = useAppStore((s) => s.recheck);
  const failedLookups = useAppStore((s) => s.failedLookups);
  const resolve = useAppStore((s) => s.resolveDiscrepancy);
  const flagged = recheck.flagged.filter((d) => !d.resolved);
  return (
    <section
      className="panel recheck-panel"
      aria-labelledby="recheck-title"
      data-testid="recheck-panel"
    >
      <h2 id="recheck-title">{t('desk.recheck.title')}</h2>
      <p aria-live="polite" data-testid="recheck-pending">
        {t('desk.recheck.pending', { count: recheck.pending })}
      </p>
      <p data-testid="failed-lookups">
        {t('desk.recheck.failedLookups', { count: failedLookups })}
      </p>
      {flagged.length === 0 ? (
        <p className="hint">{t('desk.recheck.none')}</p>
      ) : (
        <ul className="discrepancies">
          {flagged.map((d) => (
            <li key={d.id} data-testid={`discrepancy-${d.id}`}>
              <p>
                <strong>{d.queueNumber}</strong> · {d.patientName}
              </p>
              <p>
                {t('desk.recheck.used', {
                  what: d.usedAtCheckin.outcome
                    ? t(`outcome.${d.usedAtCheckin.outcome}`)
                    : t(`insuranceSource.${d.usedAtCheckin.source}`),
                })}
                {' → '}
                {t('desk.recheck.recheck', {
                  what: t(`outcome.${d.recheck.outcome}`),
                  time: clock.dateTime(d.recheck.checkedAt),
                })}
              </p>
              <button
                type="button"
                className="button button-small"
                data-testid="discrepancy-resolve"
                onClick={() => void resolve(d.id)}
              >
                {t('desk.recheck.resolve')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
