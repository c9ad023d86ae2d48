/** Re-checks that disagreed with what was used at check-in, for staff to look at and resolve. */
import { useTranslation } from 'react-i18next';
import { useHospitalClock } from '../components/use-lang';
import { useAppStore } from '../stores/app-store';

export function OutboxPanel() {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  const outbox = useAppStore((s) => s.outbox);
  const failedLookups = useAppStore((s) => s.failedLookups);
  const resolve = useAppStore((s) => s.resolveDiscrepancy);
  const flagged = outbox.flagged.filter((d) => !d.resolved);
  return (
    <section
      className="panel outbox-panel"
      aria-labelledby="outbox-title"
      data-testid="outbox-panel"
    >
      <h2 id="outbox-title">{t('desk.outbox.title')}</h2>
      <p aria-live="polite" data-testid="outbox-pending">
        {t('desk.outbox.pending', { count: outbox.pending })}
      </p>
      <p data-testid="failed-lookups">{t('desk.outbox.failedLookups', { count: failedLookups })}</p>
      {flagged.length === 0 ? (
        <p className="hint">{t('desk.outbox.none')}</p>
      ) : (
        <ul className="discrepancies">
          {flagged.map((d) => (
            <li key={d.id} data-testid={`discrepancy-${d.id}`}>
              <p>
                <strong>{d.queueNumber}</strong> · {d.patientName}
              </p>
              <p>
                {t('desk.outbox.used', {
                  what: d.usedAtCheckin.outcome
                    ? t(`outcome.${d.usedAtCheckin.outcome}`)
                    : t(`insuranceSource.${d.usedAtCheckin.source}`),
                })}
                {' → '}
                {t('desk.outbox.recheck', {
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
                {t('desk.outbox.resolve')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
