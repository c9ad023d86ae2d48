/** A clinic room's PC: the caller alone, keyboard first, with the language switch. */
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { usePick } from '../components/use-lang';
import { useAppStore } from '../stores/app-store';
import { RoomCaller } from './RoomCaller';

export function RoomScreen() {
  const { t } = useTranslation();
  const pick = usePick();
  const info = useAppStore((s) => s.info);
  return (
    <div className="desk room-screen" data-testid="room-screen">
      <header className="desk-header">
        <div>
          <h1 className="desk-title">{t('calling.roomTitle')}</h1>
          <p className="desk-station">
            {info
              ? `${pick(info.hospital.name)} · ${t('desk.station', { id: info.stationId })}`
              : ''}
          </p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="room-body">
        <RoomCaller />
      </main>
    </div>
  );
}
