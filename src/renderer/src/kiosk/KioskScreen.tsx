/**
 * The patient's screen: one obvious next step at a time, large type, Vietnamese first. Every way
 * out (finished, abandoned, "not me") ends the session: main drops the check-in and the stores
 * forget every personal detail, so the DOM holds nothing about the person who left.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinState } from '../../../shared/domain';
import { ErrorSentence } from '../components/ErrorSentence';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { usePick } from '../components/use-lang';
import { DevPanel } from '../dev/DevPanel';
import { useIdleTimeout } from '../hooks/use-idle-timeout';
import { useKeyboardWedge } from '../hooks/use-keyboard-wedge';
import { useAppStore } from '../stores/app-store';
import { useCheckinStore } from '../stores/checkin-store';
import { endKioskSession } from '../stores/connect';
import { KioskStep, stepTitleKey } from './KioskSteps';

/** Steps where main is working: the patient waits, so no idle timeout runs. */
const BUSY_STEPS: ReadonlySet<CheckinState['step']> = new Set([
  'idle',
  'reading',
  'committing',
  'printing',
  'done',
]);

/** Steps where a scanned QR is the chip key the flow is waiting for (or will be soon). */
const QR_STEPS: ReadonlySet<CheckinState['step']> = new Set([
  'idle',
  'need-key',
  'need-card',
  'see-desk',
  'error',
]);

export function KioskScreen() {
  const { t } = useTranslation();
  const pick = usePick();
  const info = useAppStore((s) => s.info);
  const state = useCheckinStore((s) => s.state);
  const actionError = useCheckinStore((s) => s.actionError);
  const dismissError = useCheckinStore((s) => s.dismissError);
  const provideQr = useCheckinStore((s) => s.provideQr);

  const endSession = useCallback(() => void endKioskSession(), []);
  useIdleTimeout(
    !BUSY_STEPS.has(state.step),
    info?.kiosk.idleTimeoutSeconds ?? 60,
    state.step,
    endSession,
  );
  useKeyboardWedge((text) => void provideQr(text), QR_STEPS.has(state.step));

  return (
    <div className="kiosk" data-testid="kiosk-screen" data-step={state.step}>
      <header className="kiosk-header">
        {info?.hospital.logoDataUrl && (
          <img className="hospital-logo" src={info.hospital.logoDataUrl} alt="" />
        )}
        <p className="hospital-name">{info ? pick(info.hospital.name) : ''}</p>
        <LanguageSwitch />
      </header>
      <p className="visually-hidden" aria-live="polite" data-testid="step-announcer">
        {t(stepTitleKey(state))}
      </p>
      <main className="kiosk-main">
        <KioskStep state={state} onEnd={endSession} />
        {actionError && (
          <ErrorSentence error={actionError} testId="action-error" onDismiss={dismissError} />
        )}
      </main>
      <DevPanel variant="corner" />
    </div>
  );
}
