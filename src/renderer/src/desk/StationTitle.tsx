/** The staff screens' heading: what the screen is, and which hospital and station it runs on. */
import { useTranslation } from 'react-i18next';
import { usePick } from '../components/use-lang';
import { useAppStore } from '../stores/app-store';

export function StationTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const info = useAppStore((s) => s.info);
  return (
    <div>
      <h1 className="desk-title">{title}</h1>
      <p className="desk-station">
        {info ? `${pick(info.hospital.name)} · ${t('desk.station', { id: info.stationId })}` : ''}
      </p>
    </div>
  );
}
