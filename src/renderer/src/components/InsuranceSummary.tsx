import { useTranslation } from 'react-i18next';
import type { VisitInsurance } from '../../../shared/domain';
import { useHospitalClock, useLang } from './use-lang';

/** The insurance outcome in plain words: insured / self-pay / cached offline with time / pending. */
export function InsuranceSummary({ insurance }: { insurance: VisitInsurance }) {
  const { t } = useTranslation();
  const lang = useLang();
  const clock = useHospitalClock();
  const result = insurance.result;
  const lines: { text: string; tone: 'good' | 'warn' | 'info' }[] = [];

  const verdict = (): void => {
    if (!result) return;
    if (result.mayUseInsurance) {
      lines.push({ text: t('insurance.valid'), tone: 'good' });
      const percent = result.card?.coveragePercent;
      if (percent != null) lines.push({ text: t('insurance.coverage', { percent }), tone: 'info' });
    } else {
      lines.push({ text: t('insurance.notUsable'), tone: 'warn' });
      lines.push({ text: result.message[lang], tone: 'info' });
    }
  };

  switch (insurance.source) {
    case 'online':
      verdict();
      break;
    case 'cache':
      lines.push({
        text: t('insurance.offline', {
          time: insurance.cachedAt ? clock.dateTime(insurance.cachedAt) : '?',
        }),
        tone: 'warn',
      });
      verdict();
      if (insurance.stale) lines.push({ text: t('insurance.stale'), tone: 'warn' });
      break;
    case 'pending':
      lines.push({ text: t('insurance.pending'), tone: 'info' });
      break;
    case 'self-pay':
      lines.push({ text: t('insurance.selfPay'), tone: 'info' });
      break;
    case 'staff-override': {
      // Staff accepted the insurance over what the service said: no "cannot be used" next to it.
      lines.push({ text: t('insurance.staffOverride'), tone: 'good' });
      const percent = result?.card?.coveragePercent;
      if (percent != null) lines.push({ text: t('insurance.coverage', { percent }), tone: 'info' });
      break;
    }
    case 'disabled':
      lines.push({ text: t('insurance.disabled'), tone: 'info' });
      break;
  }

  return (
    <div
      className="insurance-summary"
      data-testid="insurance-summary"
      data-source={insurance.source}
      data-stale={insurance.stale ? 'true' : 'false'}
    >
      <h2 className="insurance-title">{t('insurance.title')}</h2>
      {lines.map((line, i) => (
        <p key={i} className={`insurance-line tone-${line.tone}`}>
          {line.text}
        </p>
      ))}
    </div>
  );
}
