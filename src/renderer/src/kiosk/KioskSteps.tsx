/** One component per check-in step, as the patient sees it. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinState, Department, Lane, LawPriority, Visit } from '../../../shared/domain';
import { ErrorSentence } from '../components/ErrorSentence';
import { FaceCheck } from '../face/FaceCheck';
import { InsuranceSummary } from '../components/InsuranceSummary';
import { PatientSummary } from '../components/PatientSummary';
import { ReadProgressBar } from '../components/ReadProgressBar';
import { useHospitalClock, usePick } from '../components/use-lang';
import { useCountdown } from '../hooks/use-idle-timeout';
import { selectDepartments, selectLanes, useAppStore } from '../stores/app-store';
import { useCheckinStore } from '../stores/checkin-store';
import { Keypad, NoDocumentsButton } from './Keypad';

type Step<S extends CheckinState['step']> = Extract<CheckinState, { step: S }>;

export function stepTitleKey(state: CheckinState): string {
  switch (state.step) {
    case 'idle':
      return 'kiosk.idle.title';
    case 'need-key':
      return 'kiosk.needKey.title';
    case 'need-card':
      return 'kiosk.needCard.title';
    case 'reading':
      return 'kiosk.reading.title';
    case 'looking-up':
      return 'kiosk.lookingUp.title';
    case 'choose-department':
      return 'kiosk.choose.title';
    case 'committing':
    case 'printing':
      return 'kiosk.printing.title';
    case 'done':
      return 'kiosk.done.title';
    case 'see-desk':
      return 'kiosk.seeDesk.title';
    case 'error':
      return 'kiosk.error.title';
  }
}

export function KioskStep({ state, onEnd }: { state: CheckinState; onEnd: () => void }) {
  switch (state.step) {
    case 'idle':
      return <Idle />;
    case 'need-key':
      return <NeedKey state={state} onEnd={onEnd} />;
    case 'need-card':
      return <NeedCard onEnd={onEnd} />;
    case 'reading':
      return <Reading state={state} />;
    case 'looking-up':
      return <LookingUp state={state} onEnd={onEnd} />;
    case 'choose-department':
      return <Choose state={state} onEnd={onEnd} />;
    case 'committing':
    case 'printing':
      return <Printing />;
    case 'done':
      return <Done key={state.visit.id} state={state} onEnd={onEnd} />;
    case 'see-desk':
      return <SeeDesk onEnd={onEnd} />;
    case 'error':
      return <ErrorStep state={state} onEnd={onEnd} />;
  }
}

function StepFrame({
  testId,
  title,
  children,
}: {
  testId: string;
  title: string;
  children?: ReactNode;
}) {
  return (
    <section className="kiosk-step" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <h1 id={`${testId}-title`}>{title}</h1>
      {children}
    </section>
  );
}

function EndButton({ onEnd, label }: { onEnd: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-secondary"
      data-testid="kiosk-start-over"
      onClick={onEnd}
    >
      {label ?? t('actions.startOver')}
    </button>
  );
}

function CardPicture({ qr = false }: { qr?: boolean }) {
  // A drawn card (no photo of anyone): the reader pad, or the QR corner to scan.
  return (
    <svg className="card-picture" viewBox="0 0 320 200" aria-hidden="true">
      <rect x="10" y="10" width="300" height="180" rx="16" className="card-body" />
      <rect x="30" y="60" width="60" height="76" rx="6" className="card-photo" />
      <rect x="110" y="64" width="120" height="12" rx="4" className="card-line" />
      <rect x="110" y="88" width="90" height="12" rx="4" className="card-line" />
      <rect x="110" y="112" width="110" height="12" rx="4" className="card-line" />
      <g className={qr ? 'card-qr highlight' : 'card-qr'}>
        <rect x="240" y="24" width="56" height="56" rx="4" />
        <rect x="248" y="32" width="14" height="14" className="qr-dot" />
        <rect x="274" y="32" width="14" height="14" className="qr-dot" />
        <rect x="248" y="58" width="14" height="14" className="qr-dot" />
        <rect x="270" y="54" width="8" height="8" className="qr-dot" />
      </g>
    </svg>
  );
}

function Idle() {
  const { t } = useTranslation();
  return (
    <StepFrame testId="kiosk-idle" title={t('kiosk.idle.title')}>
      <div className="idle-inputs">
        <div>
          <CardPicture />
          <p className="lead">{t('kiosk.idle.hint')}</p>
          <p className="hint">{t('kiosk.idle.help')}</p>
          <p className="hint" data-testid="vneid-hint">
            {t('arrivals.vneid')}
          </p>
        </div>
        <Keypad />
      </div>
      <NoDocumentsButton />
    </StepFrame>
  );
}

function NeedKey({ state, onEnd }: { state: Step<'need-key'>; onEnd: () => void }) {
  const { t } = useTranslation();
  return (
    <StepFrame testId="kiosk-need-key" title={t('kiosk.needKey.title')}>
      {state.lastError && <ErrorSentence error={state.lastError} testId="need-key-error" />}
      <CardPicture qr />
      <p className="lead">{t('kiosk.needKey.hint')}</p>
      <EndButton onEnd={onEnd} />
    </StepFrame>
  );
}

function NeedCard({ onEnd }: { onEnd: () => void }) {
  const { t } = useTranslation();
  const busy = useCheckinStore((s) => s.busy);
  const withoutCard = useCheckinStore((s) => s.withoutCard);
  return (
    <StepFrame testId="kiosk-need-card" title={t('kiosk.needCard.title')}>
      <CardPicture />
      <p className="lead">{t('kiosk.needCard.hint')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          data-testid="without-card"
          disabled={busy}
          onClick={() => void withoutCard()}
        >
          {t('arrivals.noCard')}
        </button>
        <EndButton onEnd={onEnd} />
      </div>
    </StepFrame>
  );
}

function Reading({ state }: { state: Step<'reading'> }) {
  const { t } = useTranslation();
  return (
    <StepFrame testId="kiosk-reading" title={t('kiosk.reading.title')}>
      <ReadProgressBar progress={state.progress} />
      {state.patient ? <PatientSummary patient={state.patient} /> : null}
      <p className="lead">{t('kiosk.reading.hint')}</p>
    </StepFrame>
  );
}

function LookingUp({ state, onEnd }: { state: Step<'looking-up'>; onEnd: () => void }) {
  const { t } = useTranslation();
  return (
    <StepFrame testId="kiosk-looking-up" title={t('kiosk.lookingUp.title')}>
      <PatientSummary patient={state.patient} />
      <p className="lead busy" role="status">
        {t('kiosk.lookingUp.checking')}
      </p>
      <EndButton onEnd={onEnd} label={t('actions.notMe')} />
    </StepFrame>
  );
}

function departmentVisit(visits: Visit[], code: string): Visit | undefined {
  return visits.find((v) => v.department === code && v.status === 'active');
}

function Choose({ state, onEnd }: { state: Step<'choose-department'>; onEnd: () => void }) {
  const [department, setDepartment] = useState<Department | null>(null);
  const face = useAppStore((s) => s.info?.face);
  const [faceDone, setFaceDone] = useState(false);
  // The face check first, for a chip read with nothing else for staff to settle already.
  if (face?.enabled && !faceDone && state.patient.source === 'chip' && !state.needsStaff) {
    return <FaceCheck patient={state.patient} settings={face} onDone={() => setFaceDone(true)} />;
  }
  return department ? (
    <ChooseLane
      department={department}
      priority={state.priority ?? null}
      onBack={() => setDepartment(null)}
    />
  ) : (
    <ChooseDepartment state={state} onChoose={setDepartment} onEnd={onEnd} />
  );
}

function ChooseDepartment({
  state,
  onChoose,
  onEnd,
}: {
  state: Step<'choose-department'>;
  onChoose: (department: Department) => void;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const departments = useAppStore(selectDepartments);
  return (
    <StepFrame testId="kiosk-choose-department" title={t('kiosk.choose.title')}>
      <div className="choose-top">
        <PatientSummary patient={state.patient} compact />
        <InsuranceSummary insurance={state.insurance} />
      </div>
      {state.needsStaff && (
        <div
          className="staff-notice"
          role="status"
          data-testid="needs-staff"
          data-code={state.needsStaff.code}
        >
          <p className="staff-reason">{pick(state.needsStaff.message)}</p>
          <p>{t('kiosk.choose.needsStaff')}</p>
        </div>
      )}
      <div className="department-grid">
        {departments.map((d) => {
          const existing = departmentVisit(state.existingVisits, d.code);
          return (
            <button
              key={d.code}
              type="button"
              className="button department-button"
              data-testid={`department-${d.code}`}
              onClick={() => onChoose(d)}
            >
              <span className="department-name">{pick(d.name)}</span>
              <span className="department-room">{pick(d.room)}</span>
              {existing && (
                <span className="department-existing">
                  {t('kiosk.choose.already', { number: existing.queueNumber })}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <EndButton onEnd={onEnd} label={t('actions.cancelCheckin')} />
    </StepFrame>
  );
}

function ChooseLane({
  department,
  priority,
  onBack,
}: {
  department: Department;
  priority: LawPriority | null;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const lanes = useAppStore(selectLanes);
  const busy = useCheckinStore((s) => s.busy);
  const choose = useCheckinStore((s) => s.choose);
  // The lane the law gives comes first, preselected with its reason; else the regular queue
  // first (most people need no priority). Pregnancy and disability stay for the person to say.
  const first: Lane = priority && lanes.includes(priority.lane) ? priority.lane : 'normal';
  const ordered: Lane[] = [
    first,
    ...(['normal', ...lanes] as Lane[]).filter((l) => l !== first),
  ].filter((l, i, all) => all.indexOf(l) === i);
  return (
    <StepFrame testId="kiosk-choose-lane" title={t('kiosk.lane.title')}>
      <p className="lead">{t('kiosk.lane.for', { department: pick(department.name) })}</p>
      {priority && first === priority.lane && (
        <p className="lead" data-testid="lane-priority-reason">
          {t('arrivals.priorityPreselected', { reason: pick(priority.reason) })}
        </p>
      )}
      <div className="lane-grid">
        {ordered.map((lane) => (
          <button
            key={lane}
            type="button"
            className={`button lane-button${lane === first ? ' button-primary' : ''}`}
            data-testid={`lane-${lane}`}
            disabled={busy}
            onClick={() => void choose(department.code, lane)}
          >
            {t(`lane.${lane}`)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="button button-secondary"
        data-testid="lane-back"
        onClick={onBack}
      >
        {t('actions.back')}
      </button>
    </StepFrame>
  );
}

function Printing() {
  const { t } = useTranslation();
  return (
    <StepFrame testId="kiosk-printing" title={t('kiosk.printing.title')}>
      <div className="spinner" aria-hidden="true" />
      <p className="lead">{t('kiosk.printing.hint')}</p>
    </StepFrame>
  );
}

function Done({ state, onEnd }: { state: Step<'done'>; onEnd: () => void }) {
  const { t } = useTranslation();
  const pick = usePick();
  const seconds = useAppStore((s) => s.info?.kiosk.doneReturnSeconds ?? 12);
  const department = useAppStore((s) =>
    s.info?.departments.find((d) => d.code === state.visit.department),
  );
  const busy = useCheckinStore((s) => s.busy);
  const reprint = useCheckinStore((s) => s.reprintCurrent);
  const left = useCountdown(seconds, onEnd);
  const clock = useHospitalClock();
  const { visit } = state;
  return (
    <StepFrame
      testId="kiosk-done"
      title={state.printError ? t('kiosk.done.titleNoSlip') : t('kiosk.done.title')}
    >
      {state.reprint && <p className="lead">{t('kiosk.done.reprint')}</p>}
      {state.deskTicket && (
        <div className="directions" data-testid="done-desk-ticket">
          <p className="department-name">{t('arrivals.deskTicket')}</p>
          <p>{t('arrivals.deskTicketHint')}</p>
        </div>
      )}
      <p className="queue-label">{t('kiosk.done.number')}</p>
      <p className="queue-number" data-testid="queue-number">
        {visit.queueNumber}
      </p>
      {state.booking && (
        <p className="lead" data-testid="done-booked">
          {t('kiosk.done.booked', { time: clock.time(state.booking.start) })}
        </p>
      )}
      {visit.lane !== 'normal' && (
        <p className="lane-tag" data-testid="done-lane">
          {t(`lane.${visit.lane}`)}
        </p>
      )}
      {department && (
        <div className="directions" data-testid="done-directions">
          <p className="department-name">{pick(department.name)}</p>
          <p>{t('kiosk.done.goTo', { room: pick(department.room) })}</p>
          {department.directions && <p>{pick(department.directions)}</p>}
        </div>
      )}
      {state.printError && <ErrorSentence error={state.printError} testId="print-error" />}
      <p className="hint" data-testid="done-countdown">
        {t('kiosk.done.returning', { count: left })}
      </p>
      <div className="button-row">
        {state.printError && (
          <button
            type="button"
            className="button button-secondary"
            data-testid="kiosk-print-again"
            disabled={busy}
            onClick={() => void reprint()}
          >
            {t('kiosk.done.printAgain')}
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          data-testid="kiosk-finish"
          onClick={onEnd}
        >
          {t('actions.finish')}
        </button>
      </div>
    </StepFrame>
  );
}

function ErrorStep({ state, onEnd }: { state: Step<'error'>; onEnd: () => void }) {
  const { t } = useTranslation();
  const busy = useCheckinStore((s) => s.busy);
  const retry = useCheckinStore((s) => s.retry);
  return (
    <StepFrame testId="kiosk-error" title={t('kiosk.error.title')}>
      <ErrorSentence error={state.error} testId="checkin-error" />
      <div className="button-row">
        {state.canRetry && (
          <button
            type="button"
            className="button button-primary"
            data-testid="kiosk-retry"
            disabled={busy}
            onClick={() => void retry()}
          >
            {t('actions.tryAgain')}
          </button>
        )}
        <EndButton onEnd={onEnd} />
      </div>
    </StepFrame>
  );
}

/** A chip that is not trusted: nothing of it is shown, only where to go (main sends no patient). */
function SeeDesk({ onEnd }: { onEnd: () => void }) {
  const { t } = useTranslation();
  return (
    <StepFrame testId="kiosk-see-desk" title={t('kiosk.seeDesk.title')}>
      <p className="lead">{t('kiosk.seeDesk.hint')}</p>
      <div className="button-row">
        <EndButton onEnd={onEnd} label={t('actions.finish')} />
      </div>
    </StepFrame>
  );
}
