import { useTranslation } from 'react-i18next';
import type { PatientView } from '../../../shared/domain';

function PhotoPlaceholder({ label }: { label: string }) {
  return (
    <svg className="patient-photo placeholder" viewBox="0 0 120 150" role="img" aria-label={label}>
      <rect width="120" height="150" rx="10" />
      <circle cx="60" cy="58" r="26" />
      <path d="M16 150c4-34 22-50 44-50s40 16 44 50z" />
    </svg>
  );
}

/** The person on screen: photo (or a neutral placeholder), name, year of birth. */
export function PatientSummary({
  patient,
  compact = false,
}: {
  patient: PatientView;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const year = patient.dateOfBirth?.slice(0, 4);
  return (
    <div className={`patient-summary${compact ? ' compact' : ''}`} data-testid="patient-summary">
      {patient.photoDataUrl ? (
        <img className="patient-photo" src={patient.photoDataUrl} alt={t('patient.photoAlt')} />
      ) : (
        <PhotoPlaceholder label={t('patient.noPhoto')} />
      )}
      <div>
        <p className="patient-name" data-testid="patient-name">
          {patient.fullName}
        </p>
        {year && <p className="patient-born">{t('patient.born', { year })}</p>}
      </div>
    </div>
  );
}
