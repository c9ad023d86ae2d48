/**
 * The patient's recent visits from the treatment history (Lskcb2025), which arrives beside the
 * card check: facility, dates, diagnosis, status, outcome, route — and a warning when a stay
 * elsewhere has no discharge (main decides which).
 */
import { useTranslation } from 'react-i18next';
import type { TreatmentHistory, TreatmentHistoryItem } from '../../../shared/domain';
import { useHospitalClock } from '../components/use-lang';

export function TreatmentHistoryPanel({
  history,
  openStay,
}: {
  history: TreatmentHistory | null | undefined;
  openStay: TreatmentHistoryItem | null | undefined;
}) {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  if (history === undefined) {
    return (
      <p className="hint" data-testid="history-pending">
        {t('desk.history.pending')}
      </p>
    );
  }
  if (!history || history.status !== 'answered') {
    return (
      <p className="hint" data-testid="history-unavailable">
        {t('desk.history.unavailable')}
      </p>
    );
  }
  const when = (iso: string | null): string => (iso ? clock.dateTime(iso) : '—');
  return (
    <section className="history-panel" aria-labelledby="history-title" data-testid="history-panel">
      <h3 id="history-title">{t('desk.history.title')}</h3>
      {openStay && (
        <p className="status-bad" role="alert" data-testid="history-open-stay">
          {t('desk.history.openStay', {
            facility: openStay.facilityCode ?? '?',
            since: when(openStay.admittedAt),
          })}
        </p>
      )}
      {history.items.length === 0 ? (
        <p className="hint">{t('desk.history.none')}</p>
      ) : (
        <table className="history-table">
          <thead>
            <tr>
              <th scope="col">{t('desk.history.facility')}</th>
              <th scope="col">{t('desk.history.admitted')}</th>
              <th scope="col">{t('desk.history.discharged')}</th>
              <th scope="col">{t('desk.history.diagnosis')}</th>
              <th scope="col">{t('desk.history.status')}</th>
              <th scope="col">{t('desk.history.result')}</th>
              <th scope="col">{t('desk.history.route')}</th>
            </tr>
          </thead>
          <tbody>
            {history.items.map((h, i) => (
              <tr key={h.recordId ?? i} data-testid="history-row">
                <td>{h.facilityCode ?? '—'}</td>
                <td>{when(h.admittedAt)}</td>
                <td>{when(h.dischargedAt)}</td>
                <td>{h.diagnosis ?? '—'}</td>
                <td>
                  {h.status
                    ? t(`desk.history.statuses.${h.status}`, { defaultValue: h.status })
                    : '—'}
                </td>
                <td>
                  {h.result
                    ? t(`desk.history.results.${h.result}`, { defaultValue: h.result })
                    : '—'}
                </td>
                <td>
                  {h.reason
                    ? t(`desk.history.routes.${h.reason}`, { defaultValue: h.reason })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
