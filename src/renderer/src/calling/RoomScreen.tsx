/** A clinic room's PC: the caller alone, keyboard first, with the language switch. */
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { StationTitle } from '../desk/StationTitle';
import { RoomCaller } from './RoomCaller';

export function RoomScreen() {
  const { t } = useTranslation();
  return (
    <div className="desk room-screen" data-testid="room-screen">
      <header className="desk-header">
        <StationTitle title={t('calling.roomTitle')} />
        <LanguageSwitch />
      </header>
      <main className="room-body">
        <RoomCaller />
      </main>
    </div>
  );
}
