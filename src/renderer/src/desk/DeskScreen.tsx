/**
 * The reception desk: keyboard first. Everything is reachable with Tab in reading order, focus
 * is always visible, `/` jumps to the visit search and F2 to manual entry.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SimulatedBadge } from '../components/SimulatedBadge';
import { DevPanel } from '../dev/DevPanel';
import { useKeyboardWedge } from '../hooks/use-keyboard-wedge';
import { isEditableTarget } from '../lib/keyboard-wedge';
import { useCheckinStore } from '../stores/checkin-store';
import { RoomCaller } from '../calling/RoomCaller';
import { CheckinPanel } from './CheckinPanel';
import { ManualEntryForm, MANUAL_FIRST_FIELD_ID } from './ManualEntryForm';
import { HisPanel } from './HisPanel';
import { OfficerPanel } from './OfficerPanel';
import { RecheckPanel } from './RecheckPanel';
import { StationTitle } from './StationTitle';
import { ServerOfflineBanner } from './ServerOfflineBanner';
import { StatusBar } from './StatusBar';
import { useAppStore } from '../stores/app-store';
import { VisitsPanel, VISIT_SEARCH_ID } from './VisitsPanel';

function useDeskShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'F2') {
        event.preventDefault();
        document.getElementById(MANUAL_FIRST_FIELD_ID)?.focus();
      } else if (event.key === '/' && !isEditableTarget(event.target)) {
        event.preventDefault();
        document.getElementById(VISIT_SEARCH_ID)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function DeskScreen() {
  const { t } = useTranslation();
  const step = useCheckinStore((s) => s.state.step);
  const provideQr = useCheckinStore((s) => s.provideQr);
  const storeStatus = useAppStore((s) => s.storeStatus);
  const simulated = useAppStore((s) => s.info?.simulated);
  useDeskShortcuts();
  // A scanner aimed at a card's QR while the reader waits for the key: no field needs focus.
  useKeyboardWedge((text) => void provideQr(text), step === 'need-key' || step === 'idle');

  return (
    <div className="desk" data-testid="desk-screen">
      <a className="skip-link" href="#desk-visits">
        {t('desk.skipToVisits')}
      </a>
      <header className="desk-header">
        <StationTitle title={t('desk.title')} />
        {simulated && <SimulatedBadge parts={simulated} inline />}
        <p className="desk-shortcuts" data-testid="desk-shortcuts">
          <kbd>/</kbd> {t('desk.shortcutSearch')} · <kbd>F2</kbd> {t('desk.shortcutManual')}
        </p>
        <LanguageSwitch />
      </header>
      <ServerOfflineBanner status={storeStatus} />
      <StatusBar />
      <div className="desk-body">
        <div className="desk-left">
          <OfficerPanel />
          <CheckinPanel />
          <ManualEntryForm />
        </div>
        <div className="desk-right">
          <RoomCaller />
          <VisitsPanel />
          <RecheckPanel />
          <HisPanel />
        </div>
        <DevPanel variant="side" />
      </div>
    </div>
  );
}
