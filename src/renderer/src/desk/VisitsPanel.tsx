/** Today's visits: search, filters, reprint, cancel with a reason. */
import { isOpenTicket, isSendableTicket } from '../../../shared/desk-ticket';
import { useTicketStore } from '../stores/ticket-store';
import { SendOnForm } from './SendOnForm';
import { MANUAL_FIRST_FIELD_ID } from './ManualEntryForm';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/domain';
import { ErrorSentence } from '../components/ErrorSentence';
import { useHospitalClock, usePick } from '../components/use-lang';
import { selectDepartments, useAppStore } from '../stores/app-store';
import { useVisitsStore } from '../stores/visits-store';
import { useStaffStore } from '../stores/staff-store';
import { VisitAuditPanel } from './VisitAuditPanel';

export const VISIT_SEARCH_ID = 'visits-search';

export function VisitsPanel() {
  const { t } = useTranslation();
  const pick = usePick();
  const departments = useAppStore(selectDepartments);
  const { visits, filter, loading, loadError, lastDone } = useVisitsStore();
  const setFilter = useVisitsStore((s) => s.setFilter);
  const load = useVisitsStore((s) => s.load);

  return (
    <section
      className="panel visits-panel"
      id="desk-visits"
      aria-labelledby="visits-title"
      data-testid="visits-panel"
    >
      <h2 id="visits-title">{t('desk.visits.title')}</h2>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor={VISIT_SEARCH_ID}>
            {t('desk.visits.search')} <kbd>/</kbd>
          </label>
          <input
            id={VISIT_SEARCH_ID}
            data-testid="visits-search"
            type="search"
            value={filter.query}
            autoComplete="off"
            onChange={(e) => void setFilter({ query: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="visits-department">{t('desk.visits.department')}</label>
          <select
            id="visits-department"
            data-testid="visits-department"
            value={filter.department}
            onChange={(e) => void setFilter({ department: e.target.value })}
          >
            <option value="">{t('desk.visits.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {pick(d.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id="visits-cancelled"
            data-testid="visits-cancelled"
            type="checkbox"
            checked={filter.includeCancelled}
            onChange={(e) => void setFilter({ includeCancelled: e.target.checked })}
          />
          <label htmlFor="visits-cancelled">{t('desk.visits.includeCancelled')}</label>
        </div>
        <button
          type="button"
          className="button"
          data-testid="visits-refresh"
          onClick={() => void load()}
        >
          {t('desk.visits.refresh')}
        </button>
      </div>
      {loadError && <ErrorSentence audience="staff" error={loadError} testId="visits-error" />}
      <p className="visually-hidden" aria-live="polite">
        {loading ? t('desk.visits.loading') : t('desk.visits.count', { count: visits.length })}
        {lastDone ? ` ${t(`desk.visits.did.${lastDone.action}`)}` : ''}
      </p>
      <table className="visits-table" data-testid="visits-table">
        <caption className="visually-hidden">{t('desk.visits.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.visits.number')}</th>
            <th scope="col">{t('desk.visits.time')}</th>
            <th scope="col">{t('desk.visits.patient')}</th>
            <th scope="col">{t('desk.visits.department')}</th>
            <th scope="col">{t('desk.visits.lane')}</th>
            <th scope="col">{t('desk.visits.insurance')}</th>
            <th scope="col">{t('desk.visits.print')}</th>
            <th scope="col">{t('desk.visits.progress')}</th>
            <th scope="col">{t('desk.visits.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.length === 0 && (
            <tr>
              <td colSpan={9} className="empty">
                {t('desk.visits.empty')}
              </td>
            </tr>
          )}
          {visits.map((v) => (
            <VisitRow key={v.id} visit={v} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function VisitRow({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  const pick = usePick();
  const department = useAppStore((s) =>
    s.info?.departments.find((d) => d.code === visit.department),
  );
  const reception = useAppStore((s) => s.info?.reception);
  const sendable = isSendableTicket(visit, reception?.code);
  const [sending, setSending] = useState(false);
  const sendButton = useRef<HTMLButtonElement>(null);
  const rowError = useVisitsStore((s) => s.rowErrors[visit.id]);
  const reprint = useVisitsStore((s) => s.reprint);
  const chooseTicket = useTicketStore((s) => s.choose);
  const [cancelling, setCancelling] = useState(false);
  const showingAudit = useStaffStore((s) => s.audit?.visitId === visit.id);
  const showAudit = useStaffStore((s) => s.showAudit);
  const hideAudit = useStaffStore((s) => s.hideAudit);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const cancelled = visit.status === 'cancelled';
  // Closing the form (Escape, Back) puts the keyboard back where it was, not on the page start.
  const closeCancel = (): void => {
    setCancelling(false);
    cancelButton.current?.focus();
  };
  return (
    <>
      <tr
        data-testid={`visit-${visit.queueNumber}`}
        data-status={visit.status}
        className={cancelled ? 'cancelled' : ''}
      >
        <th scope="row" className="queue-cell">
          {visit.queueNumber}
        </th>
        <td>{clock.time(visit.createdAt)}</td>
        <td>
          {visit.patient.fullName}
          {visit.patient.dateOfBirth && (
            <span className="hint"> · {visit.patient.dateOfBirth.slice(0, 4)}</span>
          )}
          {visit.document && (
            <span className="hint" data-testid="visit-document" data-document={visit.document}>
              {' '}
              · {t(`arrivals.document.${visit.document}`)}
            </span>
          )}
        </td>
        <td data-testid="visit-department" data-department={visit.department}>
          {department
            ? pick(department.name)
            : reception?.code === visit.department
              ? pick(reception.name)
              : visit.department}
        </td>
        <td>{t(`laneShort.${visit.lane}`)}</td>
        <td>
          {t(`insuranceSource.${visit.insurance.source}`)}
          {visit.flagged && <strong className="status-bad"> · {t('desk.visits.flagged')}</strong>}
        </td>
        <td data-testid="print-status" data-status={visit.printStatus}>
          {cancelled ? t('desk.visits.cancelled') : t(`printStatus.${visit.printStatus}`)}
        </td>
        <td data-testid="visit-progress" data-progress={visit.progress?.state ?? 'waiting'}>
          {t(`progress.${visit.progress?.state ?? 'waiting'}`)}
          {visit.progress?.room ? ` · ${visit.progress.room}` : ''}
        </td>
        {/* The visit's staff actions come last: reprint and cancel keep their keyboard order. */}
        <td className="row-actions">
          {!cancelled && (
            <>
              {isOpenTicket(visit, reception?.code) && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="visit-complete-ticket"
                  aria-label={t('arrivals.completeTicketLabel', { number: visit.queueNumber })}
                  onClick={() => {
                    chooseTicket({ id: visit.id, queueNumber: visit.queueNumber });
                    document.getElementById(MANUAL_FIRST_FIELD_ID)?.focus();
                  }}
                >
                  {t('arrivals.completeTicket')}
                </button>
              )}
              {sendable && (
                <button
                  ref={sendButton}
                  type="button"
                  className="button button-small"
                  data-testid="visit-send-on"
                  aria-expanded={sending}
                  aria-label={t('arrivals.sendOnLabel', { number: visit.queueNumber })}
                  onClick={() => setSending((v) => !v)}
                >
                  {t('arrivals.sendOn')}
                </button>
              )}
              <button
                type="button"
                className="button button-small"
                data-testid="visit-reprint"
                aria-label={t('desk.visits.reprintLabel', { number: visit.queueNumber })}
                onClick={() => void reprint(visit.id)}
              >
                {t('desk.visits.reprint')}
              </button>
              <button
                ref={cancelButton}
                type="button"
                className="button button-small"
                data-testid="visit-cancel"
                aria-expanded={cancelling}
                aria-label={t('desk.visits.cancelLabel', { number: visit.queueNumber })}
                onClick={() => setCancelling((c) => !c)}
              >
                {t('desk.visits.cancel')}
              </button>
            </>
          )}
          <button
            type="button"
            className="button button-small"
            data-testid="visit-audit-toggle"
            aria-expanded={showingAudit}
            aria-label={t('desk.audit.showLabel', { number: visit.queueNumber })}
            onClick={() => (showingAudit ? hideAudit() : void showAudit(visit.id))}
          >
            {t('desk.audit.show')}
          </button>
        </td>
      </tr>
      {(cancelling || sending || rowError || showingAudit) && (
        <tr className="row-extra">
          <td colSpan={9}>
            {showingAudit && <VisitAuditPanel visitId={visit.id} />}
            {rowError && (
              <ErrorSentence audience="staff" error={rowError} testId="visit-row-error" />
            )}
            {cancelling && !cancelled && <CancelForm visit={visit} onClose={closeCancel} />}
            {sending && sendable && (
              <SendOnForm
                visit={visit}
                onClose={() => {
                  setSending(false);
                  // Sent on, the row loses the button: the search is the next sure place.
                  (sendButton.current ?? document.getElementById(VISIT_SEARCH_ID))?.focus();
                }}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function CancelForm({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useVisitsStore((s) => s.cancel);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    if (await cancel(visit.id, reason.trim())) {
      onClose();
      // The row loses its buttons (or leaves the list): the search is the next sure place.
      document.getElementById(VISIT_SEARCH_ID)?.focus();
    }
  };
  const id = `cancel-reason-${visit.id}`;
  return (
    <form
      className="inline-form"
      data-testid="cancel-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <label htmlFor={id}>{t('desk.visits.cancelReason', { number: visit.queueNumber })}</label>
      <input
        id={id}
        ref={inputRef}
        data-testid="cancel-reason"
        value={reason}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
      />
      <button type="submit" className="button button-danger" data-testid="cancel-confirm">
        {t('desk.visits.cancelConfirm')}
      </button>
      <button type="button" className="button" onClick={onClose}>
        {t('actions.back')}
      </button>
      {missing && (
        <p id={`${id}-error`} className="field-error">
          {t('desk.visits.reasonRequired')}
        </p>
      )}
    </form>
  );
}
