/**
 * "MÔ PHỎNG / SIMULATED" on every screen of a station with a simulated reader or lookup service,
 * as on its slips: nobody may take its answers for real. It lets touches through to the screen.
 */
import { useTranslation } from 'react-i18next';
import { isSimulatedStation, type SimulatedParts } from '../../../shared/simulated-station';

export function SimulatedBadge({ parts }: { parts: SimulatedParts }) {
  const { t } = useTranslation();
  if (!isSimulatedStation(parts)) return null;
  return (
    <div className="simulated-badge" role="status" data-testid="simulated-badge">
      <strong>{t('app.simulated.badge')}</strong> {t('app.simulated.detail')}
    </div>
  );
}
