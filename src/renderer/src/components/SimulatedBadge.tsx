/**
 * "MÔ PHỎNG / SIMULATED" on every screen of a station with a simulated reader or lookup service,
 * as on its slips: nobody may take its answers for real. It lets touches through to the screen.
 * `inline`: a part of a screen's top bar (the desk, whose page scrolls: a band fixed to the window
 * would sit over whatever scrolled under it, such as the visits table's column headers);
 * otherwise a tab over the top edge of a full-screen station (kiosk, room, display).
 */
import { useTranslation } from 'react-i18next';
import { isSimulatedStation, type SimulatedParts } from '../../../shared/simulated-station';

export function SimulatedBadge({
  parts,
  inline = false,
}: {
  parts: SimulatedParts;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  if (!isSimulatedStation(parts)) return null;
  return (
    <div
      className={inline ? 'simulated-badge simulated-badge-inline' : 'simulated-badge'}
      role="status"
      data-testid="simulated-badge"
    >
      <strong>{t('app.simulated.badge')}</strong> {t('app.simulated.detail')}
    </div>
  );
}
