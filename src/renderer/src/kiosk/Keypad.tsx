/**
 * The kiosk's touch keypad (issue 21): large keys 0–9, delete and clear, for the 12-digit CCCD
 * number (then the card: PACE opens it with the CAN) or the 10-digit BHYT social-insurance
 * number. Main reads what was typed (src/shared/presented-input). Once sent, only the last four
 * digits stay on screen; nobody touching it for the idle time clears it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';
import { useCheckinStore } from '../stores/checkin-store';

const MAX_DIGITS = 15;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** What the screen shows of a sent number: its last four digits. */
export const maskedNumber = (digits: string): string => `•••• ${digits.slice(-4)}`;

export function Keypad() {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const busy = useCheckinStore((s) => s.busy);
  const provide = useCheckinStore((s) => s.provideQr);
  const idleSeconds = useAppStore((s) => s.info?.kiosk.idleTimeoutSeconds ?? 60);

  // Someone who walks away leaves nothing of their number for the next person.
  useEffect(() => {
    if (!digits && !sent) return;
    const timer = setTimeout(() => {
      setDigits('');
      setSent(null);
    }, idleSeconds * 1000);
    return () => clearTimeout(timer);
  }, [digits, sent, idleSeconds]);

  const press = (d: string) => {
    setSent(null);
    setDigits((v) => (v.length < MAX_DIGITS ? v + d : v));
  };
  const submit = () => {
    if (!digits) return;
    setSent(maskedNumber(digits));
    setDigits('');
    void provide(digits);
  };

  return (
    <div className="keypad" data-testid="keypad" role="group" aria-labelledby="keypad-title">
      <p id="keypad-title" className="keypad-title">
        {t('arrivals.keypad.title')}
      </p>
      <output className="keypad-display" data-testid="keypad-display" aria-live="polite">
        {sent ?? (digits || t('arrivals.keypad.placeholder'))}
      </output>
      <div className="keypad-keys">
        {KEYS.map((d) => (
          <button
            key={d}
            type="button"
            className="button keypad-key"
            data-testid={`key-${d}`}
            onClick={() => press(d)}
          >
            {d}
          </button>
        ))}
        <button
          type="button"
          className="button keypad-key"
          data-testid="key-clear"
          onClick={() => {
            setDigits('');
            setSent(null);
          }}
        >
          {t('arrivals.keypad.clear')}
        </button>
        <button
          type="button"
          className="button keypad-key"
          data-testid="key-0"
          onClick={() => press('0')}
        >
          0
        </button>
        <button
          type="button"
          className="button keypad-key"
          data-testid="key-delete"
          aria-label={t('arrivals.keypad.delete')}
          onClick={() => setDigits((v) => v.slice(0, -1))}
        >
          ⌫
        </button>
      </div>
      <button
        type="button"
        className="button button-primary keypad-ok"
        data-testid="key-ok"
        disabled={busy || !digits}
        onClick={submit}
      >
        {t('arrivals.keypad.ok')}
      </button>
    </div>
  );
}

/** "Không có giấy tờ / No documents": a number for the reception desk. */
export function NoDocumentsButton() {
  const { t } = useTranslation();
  const busy = useCheckinStore((s) => s.busy);
  const noDocuments = useCheckinStore((s) => s.noDocuments);
  return (
    <button
      type="button"
      className="button button-secondary"
      data-testid="no-documents"
      disabled={busy}
      onClick={() => void noDocuments()}
    >
      {t('arrivals.noDocuments')}
    </button>
  );
}
