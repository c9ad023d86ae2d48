/** One visit's history of staff actions (the audit trail): who did what, when, and why. */
import { useTranslation } from 'react-i18next';
import { ErrorSentence } from '../components/ErrorSentence';
import { useHospitalClock } from '../components/use-lang';
import { useStaffStore } from '../stores/staff-store';

export function VisitAuditPanel({ visitId }: { visitId: string }) {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  const audit = useStaffStore((s) => (s.audit?.visitId === visitId ? s.audit : null));
  if (!audit) return null;
  return (
    <div className="visit-audit" data-testid="visit-audit">
      <h3>{t('desk.audit.title')}</h3>
      {audit.error && (
        <ErrorSentence audience="staff" error={audit.error} testId="visit-audit-error" />
      )}
      {audit.entries === null ? (
        <p role="status">{t('desk.audit.loading')}</p>
      ) : audit.entries.length === 0 ? (
        <p className="hint">{t('desk.audit.none')}</p>
      ) : (
        <ol>
          {audit.entries.map((e) => (
            <li key={`${e.at}-${e.id}`} data-testid="visit-audit-entry" data-action={e.action}>
              {clock.time(e.at)} · {t(`desk.audit.actions.${e.action}`)} ·{' '}
              {e.officerName ?? t('desk.audit.noOfficer')} · {e.stationId}
              {e.detail ? ` · ${e.detail}` : ''}
              {e.reason ? ` — ${e.reason}` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
