import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSentence } from './components/ErrorSentence';
import { SimulatedBadge } from './components/SimulatedBadge';
import { DisplayScreen } from './calling/DisplayScreen';
import { RoomScreen } from './calling/RoomScreen';
import { DeskScreen } from './desk/DeskScreen';
import { KioskScreen } from './kiosk/KioskScreen';
import type { StationMode } from '../../shared/domain';
import { useAppStore } from './stores/app-store';
import { connectStores, loadStation } from './stores/connect';

export function App() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const mode = useAppStore((s) => s.mode);
  const language = useAppStore((s) => s.language);
  const startError = useAppStore((s) => s.startError);

  useEffect(() => connectStores(window.location.search), []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);
  useEffect(() => {
    document.body.dataset.mode = mode;
  }, [mode]);

  if (startError) {
    return (
      <main className="start-screen" data-testid="start-error">
        <h1>{t('app.startFailed')}</h1>
        <ErrorSentence error={startError} />
        <button
          type="button"
          className="button button-primary"
          onClick={() => void loadStation(window.location.search)}
        >
          {t('actions.tryAgain')}
        </button>
      </main>
    );
  }
  if (!info) {
    return (
      <main className="start-screen" data-testid="starting" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  }
  return (
    <>
      <StationScreen mode={mode} />
      {/* The desk puts it in its own top bar. */}
      {mode !== 'desk' && <SimulatedBadge parts={info.simulated} />}
    </>
  );
}

function StationScreen({ mode }: { mode: StationMode }) {
  if (mode === 'desk') return <DeskScreen />;
  if (mode === 'room') return <RoomScreen />;
  if (mode === 'display') return <DisplayScreen />;
  return <KioskScreen />;
}
