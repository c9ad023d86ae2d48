/**
 * Developer controls for the simulated card and lookup service. Collapsed by default and out of
 * the patient's way; it exists only when the configuration uses a simulator. "Scan this text"
 * takes every kind of input (issue 21): anything typed or pasted goes through checkin.present,
 * as the kiosk's scanner sends it; the buttons paste the selected person's CCCD QR or BHYT QR.
 */
import { useTranslation } from 'react-i18next';
import type { SimGatewayMode } from '../../../shared/domain';
import { ErrorSentence } from '../components/ErrorSentence';
import { developerPanelAllowed } from '../../../shared/station-access';
import { useAppStore } from '../stores/app-store';
import { useSimStore, type PastedQr } from '../stores/sim-store';

const GATEWAY_MODES: SimGatewayMode[] = [
  'normal',
  'slow',
  'down',
  'error-5xx',
  'unauthorized',
  'malformed',
];

export function DevPanel({ variant }: { variant: 'corner' | 'side' }) {
  const { t } = useTranslation();
  const simulated = useAppStore((s) => s.info?.simulated);
  const mode = useAppStore((s) => s.mode);
  const sim = useSimStore();
  // The same rule main applies to the sim.* requests: never on a kiosk with a real reader.
  if (!simulated || !developerPanelAllowed(mode, simulated)) return null;
  const selected = sim.catalog.find((c) => c.index === sim.selected);
  // A BHYT-card-only child has no chip to insert and no CCCD QR.
  const hasChip = selected?.chip ?? true;
  const cardActions: [string, string, () => Promise<void>, boolean][] = [
    ['dev-insert', 'dev.insert', sim.insert, hasChip],
    ['dev-remove', 'dev.remove', sim.remove, true],
    ['dev-scan-qr', 'dev.scanQr', sim.scanQr, hasChip],
  ];
  const pastes: [PastedQr, string, boolean][] = [
    ['cccd', 'dev.pasteCccd', Boolean(selected?.qrText)],
    ['bhyt', 'dev.pasteBhyt', Boolean(selected?.bhytQr)],
    ['bhyt-2021', 'dev.pasteBhyt2021', Boolean(selected?.bhytQr)],
  ];

  return (
    <aside
      className={`dev-panel dev-${variant}${sim.open ? ' open' : ''}`}
      data-testid="dev-panel"
      aria-label={t('dev.title')}
    >
      <button
        type="button"
        className="button dev-toggle"
        data-testid="dev-toggle"
        aria-expanded={sim.open}
        aria-controls="dev-panel-body"
        onClick={() => sim.setOpen(!sim.open)}
      >
        {sim.open ? t('dev.close') : t('dev.open')}
      </button>
      {sim.open && (
        <div id="dev-panel-body" className="dev-body">
          <h2>{t('dev.title')}</h2>
          {simulated.reader && (
            <fieldset>
              <legend>{t('dev.card')}</legend>
              <label htmlFor="dev-card-select">{t('dev.catalog')}</label>
              <select
                id="dev-card-select"
                data-testid="dev-card-select"
                value={sim.selected}
                onChange={(e) => sim.select(Number(e.target.value))}
              >
                {sim.catalog.map((card) => (
                  <option key={card.index} value={card.index}>
                    {card.index}. {card.label} — {card.fullName}
                  </option>
                ))}
              </select>
              <div className="dev-buttons">
                {cardActions.map(([testId, labelKey, run, enabled]) => (
                  <button
                    key={testId}
                    type="button"
                    className="button"
                    data-testid={testId}
                    disabled={!enabled}
                    onClick={() => void run()}
                  >
                    {t(labelKey)}
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          <fieldset>
            <legend>{t('dev.scanTextTitle')}</legend>
            {simulated.reader && (
              <div className="dev-buttons">
                {pastes.map(([which, labelKey, enabled]) => (
                  <button
                    key={which}
                    type="button"
                    className="button"
                    data-testid={`dev-paste-${which}`}
                    disabled={!enabled}
                    onClick={() => sim.paste(which)}
                  >
                    {t(labelKey)}
                  </button>
                ))}
              </div>
            )}
            <label htmlFor="dev-scan-text">{t('dev.scanTextLabel')}</label>
            <textarea
              id="dev-scan-text"
              data-testid="dev-scan-text"
              rows={3}
              spellCheck={false}
              autoComplete="off"
              value={sim.scanText}
              onChange={(e) => sim.setScanText(e.target.value)}
            />
            <div className="dev-buttons">
              <button
                type="button"
                className="button"
                data-testid="dev-scan-text-send"
                disabled={sim.scanText.length === 0}
                onClick={() => void sim.scanTheText()}
              >
                {t('dev.scanTextSend')}
              </button>
            </div>
          </fieldset>
          {simulated.gateway && (
            <fieldset>
              <legend>{t('dev.gateway')}</legend>
              <label htmlFor="dev-gateway-mode">{t('dev.gatewayMode')}</label>
              <select
                id="dev-gateway-mode"
                data-testid="dev-gateway-mode"
                value={sim.gatewayMode}
                onChange={(e) => void sim.setGateway(e.target.value as SimGatewayMode)}
              >
                {GATEWAY_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`dev.modes.${mode}`)}
                  </option>
                ))}
              </select>
            </fieldset>
          )}
          {sim.error && <ErrorSentence error={sim.error} testId="dev-error" />}
        </div>
      )}
    </aside>
  );
}
