import { useTranslation } from 'react-i18next';
import type { ReadProgress } from '../../../shared/domain';

export function ReadProgressBar({ progress }: { progress: ReadProgress }) {
  const { t } = useTranslation();
  const percent = Math.max(0, Math.min(100, Math.round(progress.percent)));
  const phase = t(`reading.phase.${progress.phase}`);
  return (
    <div className="read-progress" data-testid="read-progress" data-phase={progress.phase}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t('reading.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% – ${phase}`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text">
        <span className="progress-percent">{percent}%</span> {phase}
      </p>
    </div>
  );
}
