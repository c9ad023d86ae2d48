/** The check-in in progress at this desk, compact, with the staff's decisions. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isEditableTarget } from '../lib/keyboard-wedge';
import { useTranslation } from 'react-i18next';
import type { CheckinState, Lane, StaffOverride } from '../../../shared/domain';
import { ErrorSentence } from '../components/ErrorSentence';
import { FaceCheck } from '../face/FaceCheck';
import { InsuranceSummary } from '../components/InsuranceSummary';
import { PatientSummary } from '../components/PatientSummary';
import { ReadProgressBar } from '../components/ReadProgressBar';
import { useHospitalClock, usePick } from '../components/use-lang';
import { selectDepartments, selectLanes, useAppStore } from '../stores/app-store';
import { useCheckinStore } from '../stores/checkin-store';
import { TreatmentHistoryPanel } from './TreatmentHistoryPanel';

type Step<S extends CheckinState['step']> = Extract<CheckinState, { step: S }>;

const OVERRIDES: StaffOverride[] = [
  'accept-insurance',
  'use-cached',
  'insurance-pending',
  'self-pay',
];

export function CheckinPanel() {
  const { t } = useTranslation();
  const state = useCheckinStore((s) => s.state);
  const actionError = useCheckinStore((s) => s.actionError);
  const dismiss = useCheckinStore((s) => s.dismissError);
  const reset = useCheckinStore((s) => s.reset);
  return (
    <section
      className="panel checkin-panel"
      aria-labelledby="checkin-panel-title"
      data-testid="desk-checkin"
      data-step={state.step}
    >
      <h2 id="checkin-panel-title">{t('desk.checkin.title')}</h2>
      <div aria-live="polite" data-testid="desk-checkin-status">
        <CheckinBody state={state} />
      </div>
      {actionError && (
        <ErrorSentence
          audience="staff"
          error={actionError}
          testId="desk-action-error"
          onDismiss={dismiss}
        />
      )}
      {state.step !== 'idle' && (
        <button
          type="button"
          className="button button-secondary"
          data-testid="desk-reset"
          onClick={() => void reset()}
        >
          {state.step === 'done' ? t('desk.checkin.next') : t('actions.cancelCheckin')}
        </button>
      )}
    </section>
  );
}

function CheckinBody({ state }: { state: CheckinState }) {
  const { t } = useTranslation();
  switch (state.step) {
    case 'idle':
      return <p>{t('desk.checkin.idle')}</p>;
    case 'need-key':
      return <NeedKey state={state} />;
    case 'need-card':
      return <p>{t('kiosk.needCard.title')}</p>;
    case 'reading':
      return (
        <>
          <p>{t('kiosk.reading.title')}</p>
          <ReadProgressBar progress={state.progress} />
        </>
      );
    case 'looking-up':
      return (
        <>
          <PatientSummary patient={state.patient} compact />
          <p role="status">{t('kiosk.lookingUp.checking')}</p>
        </>
      );
    case 'choose-department':
      return <ChooseWithFace state={state} />;
    case 'committing':
    case 'printing':
      return <p role="status">{t('kiosk.printing.title')}</p>;
    case 'done':
      return <Done state={state} />;
    case 'see-desk':
      return <SeeDesk state={state} />;
    case 'error':
      return <ErrorPanel state={state} />;
  }
}

function NeedKey({ state }: { state: Step<'need-key'> }) {
  const { t } = useTranslation();
  const provideQr = useCheckinStore((s) => s.provideQr);
  const [text, setText] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) return;
    void provideQr(text.trim());
    setText('');
  };
  return (
    <>
      <p>{t('desk.checkin.needKey', { reader: state.reader })}</p>
      {state.lastError && (
        <ErrorSentence audience="staff" error={state.lastError} testId="need-key-error" />
      )}
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="desk-key-qr">{t('desk.checkin.keyQr')}</label>
        <input
          id="desk-key-qr"
          data-testid="desk-key-qr"
          value={text}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {t('desk.checkin.sendKey')}
        </button>
      </form>
    </>
  );
}

/** The face check first when this desk runs it (face.atDesk), as on the kiosk. */
function ChooseWithFace({ state }: { state: Step<'choose-department'> }) {
  const face = useAppStore((s) => s.info?.face);
  const [faceDone, setFaceDone] = useState(false);
  if (face?.enabled && !faceDone && state.patient.source === 'chip' && !state.needsStaff) {
    return <FaceCheck patient={state.patient} settings={face} onDone={() => setFaceDone(true)} />;
  }
  return <Choose state={state} />;
}

function Choose({ state }: { state: Step<'choose-department'> }) {
  const { t } = useTranslation();
  const pick = usePick();
  const departments = useAppStore(selectDepartments);
  const lanes = useAppStore(selectLanes);
  const busy = useCheckinStore((s) => s.busy);
  const choose = useCheckinStore((s) => s.choose);
  const override = useCheckinStore((s) => s.override);
  const [department, setDepartment] = useState(departments[0]?.code ?? '');
  // The lane the law gives is preselected (staff may change it); its reason is shown below.
  const [lane, setLane] = useState<Lane>(
    state.priority && lanes.includes(state.priority.lane) ? state.priority.lane : 'normal',
  );
  const [note, setNote] = useState('');
  const departmentRef = useRef<HTMLSelectElement>(null);
  // The department is what staff choose next: take them there, unless they are typing elsewhere.
  useEffect(() => {
    if (!isEditableTarget(document.activeElement)) departmentRef.current?.focus();
  }, []);
  // A staff decision removes its own buttons: go on to the department instead of the page start.
  const neededStaff = useRef(state.needsStaff !== null);
  useEffect(() => {
    if (neededStaff.current && state.needsStaff === null) departmentRef.current?.focus();
    neededStaff.current = state.needsStaff !== null;
  }, [state.needsStaff]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (department) void choose(department, lane);
  };
  return (
    <>
      <PatientSummary patient={state.patient} compact />
      <PassiveAuth state={state} />
      <InsuranceSummary insurance={state.insurance} />
      <TreatmentHistoryPanel history={state.history} openStay={state.openStayElsewhere} />
      {state.existingVisits.length > 0 && (
        <p data-testid="existing-visits">
          {t('desk.checkin.existing', {
            list: state.existingVisits.map((v) => `${v.queueNumber} (${v.department})`).join(', '),
          })}
        </p>
      )}
      {state.needsStaff && (
        <div className="staff-notice" data-testid="needs-staff">
          <ErrorSentence audience="staff" error={state.needsStaff} testId="needs-staff-reason" />
          <fieldset className="override-group">
            <legend>{t('desk.override.title')}</legend>
            <label htmlFor="override-note">{t('desk.override.note')}</label>
            <input id="override-note" value={note} onChange={(e) => setNote(e.target.value)} />
            <div className="button-row">
              {OVERRIDES.map((decision) => (
                <button
                  key={decision}
                  type="button"
                  className="button"
                  data-testid={`override-${decision}`}
                  disabled={busy}
                  onClick={() => void override(decision, note.trim() || undefined)}
                >
                  {t(`desk.override.${decision}`)}
                </button>
              ))}
            </div>
          </fieldset>
        </div>
      )}
      <form className="choose-form" onSubmit={submit}>
        <label htmlFor="desk-department">{t('desk.checkin.department')}</label>
        <select
          ref={departmentRef}
          id="desk-department"
          data-testid="desk-department"
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
        >
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {pick(d.name)} — {pick(d.room)}
            </option>
          ))}
        </select>
        <label htmlFor="desk-lane">{t('desk.checkin.lane')}</label>
        <select
          id="desk-lane"
          data-testid="desk-lane"
          value={lane}
          onChange={(e) => setLane(e.target.value as Lane)}
        >
          {lanes.map((l) => (
            <option key={l} value={l}>
              {/* Staff's words, not the kiosk's patient voice ("No, regular queue"). */}
              {t(`deskLane.${l}`)}
            </option>
          ))}
        </select>
        {state.priority && (
          <p className="hint" data-testid="desk-priority-reason">
            {t('arrivals.priorityReason', { reason: pick(state.priority.reason) })}
          </p>
        )}
        <button
          type="submit"
          className="button button-primary"
          data-testid="desk-choose-submit"
          disabled={busy}
        >
          {t('desk.checkin.commit')}
        </button>
      </form>
    </>
  );
}

function PassiveAuth({ state }: { state: Step<'choose-department'> }) {
  const { t } = useTranslation();
  const status = state.patient.passiveAuthentication?.status;
  const chip = state.patient.chipAuthentication;
  const problems = state.patient.idNumberCheck?.consistent === false;
  if (!status && !problems) return null;
  return (
    <>
      <p
        data-testid="chip-check"
        data-status={status ?? 'none'}
        className={status === 'invalid' || problems ? 'status-bad' : ''}
      >
        {status && t(`desk.chip.${status}`)}
        {problems && ` ${t('desk.chip.idMismatch')}`}
      </p>
      {chip && (
        <p
          data-testid="chip-authenticity"
          data-status={chip.status}
          className={chip.status === 'failed' ? 'status-bad' : ''}
        >
          {t(`desk.chip.authenticity.${chip.status}`, { method: chip.method ?? '' })}
        </p>
      )}
    </>
  );
}

function Done({ state }: { state: Step<'done'> }) {
  const { t } = useTranslation();
  const reprint = useCheckinStore((s) => s.reprintCurrent);
  const clock = useHospitalClock();
  return (
    <>
      <p>{state.reprint ? t('desk.checkin.doneExisting') : t('desk.checkin.done')}</p>
      <p className="desk-queue-number" data-testid="queue-number">
        {state.visit.queueNumber}
      </p>
      <p>{state.visit.patient.fullName}</p>
      {state.booking && (
        <p data-testid="desk-done-booked">
          {t('desk.checkin.booked', { time: clock.time(state.booking.start) })}
        </p>
      )}
      {state.printError && (
        <ErrorSentence audience="staff" error={state.printError} testId="print-error" />
      )}
      <button
        type="button"
        className="button"
        data-testid="desk-done-reprint"
        onClick={() => void reprint()}
      >
        {t('desk.visits.reprint')}
      </button>
    </>
  );
}

function ErrorPanel({ state }: { state: Step<'error'> }) {
  const { t } = useTranslation();
  const retry = useCheckinStore((s) => s.retry);
  return (
    <>
      <ErrorSentence audience="staff" error={state.error} testId="checkin-error" />
      {state.canRetry && (
        <button
          type="button"
          className="button button-primary"
          data-testid="desk-retry"
          onClick={() => void retry()}
        >
          {t('actions.tryAgain')}
        </button>
      )}
    </>
  );
}

/** A chip whose data is not trusted: staff compare card and person, then accept (or cancel). */
function SeeDesk({ state }: { state: Step<'see-desk'> }) {
  const { t } = useTranslation();
  const busy = useCheckinStore((s) => s.busy);
  const acceptChip = useCheckinStore((s) => s.acceptChip);
  return (
    <>
      <p>
        <strong>{t('desk.chipTrust.title')}</strong>
      </p>
      {state.patient && <PatientSummary patient={state.patient} compact />}
      <ErrorSentence audience="staff" error={state.problem} testId="desk-chip-problem" />
      <p>{t('desk.chipTrust.hint')}</p>
      <button
        type="button"
        className="button button-primary"
        data-testid="desk-accept-chip"
        disabled={busy}
        onClick={() => void acceptChip()}
      >
        {t('desk.chipTrust.accept')}
      </button>
    </>
  );
}
