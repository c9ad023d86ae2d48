/**
 * The kiosk's touch keypad (issue 21): large keys 0–9, delete and clear, for the 12-digit CCCD
 * number (then the card: PACE opens it with the CAN) or the 10-digit BHYT social-insurance
 * number; in its "BHYT card" mode, a 2-letter group code from large keys, then 13 digits, for
 * the 15-character card code, with a letter grid (one key opens it) for an older card's letters
 * or a group that has no key. What was typed is ./keypad-entry; main reads it
 * (src/shared/presented-input). Once sent, only the last four characters stay on screen; nobody
 * touching it for the idle time clears it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store';
import { useCheckinStore } from '../stores/checkin-store';
import {
  BHYT_DIGITS,
  canSubmit,
  chooseGroup,
  clearEntry,
  closeLetters,
  deleteOne,
  EMPTY_ENTRY,
  hasGroup,
  KEYPAD_GROUP_CODES,
  mayTypeLetter,
  openLetters,
  pressDigit,
  pressLetter,
  switchMode,
  typedText,
  type KeypadEntry,
  type KeypadMode,
} from './keypad-entry';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const MODES: [KeypadMode, string][] = [
  ['digits', 'arrivals.keypad.modeDigits'],
  ['bhyt', 'arrivals.keypad.modeBhyt'],
];

/** What the screen shows of a sent number: its last four digits. */
export const maskedNumber = (digits: string): string => `•••• ${digits.slice(-4)}`;

export function Keypad() {
  const { t } = useTranslation();
  const [entry, setEntry] = useState<KeypadEntry>(EMPTY_ENTRY);
  const [sent, setSent] = useState<string | null>(null);
  const busy = useCheckinStore((s) => s.busy);
  const provide = useCheckinStore((s) => s.provideQr);
  const idleSeconds = useAppStore((s) => s.info?.kiosk.idleTimeoutSeconds ?? 60);
  const typed = typedText(entry);
  const choosingGroup = entry.mode === 'bhyt' && !hasGroup(entry);

  // Someone who walks away leaves nothing of their number, nor their mode, for the next person.
  useEffect(() => {
    if (!typed && !sent && entry.mode === 'digits') return;
    const timer = setTimeout(() => {
      setEntry(EMPTY_ENTRY);
      setSent(null);
    }, idleSeconds * 1000);
    return () => clearTimeout(timer);
  }, [typed, sent, entry.mode, idleSeconds]);

  const update = (next: (e: KeypadEntry) => KeypadEntry) => {
    setSent(null);
    setEntry(next);
  };
  const submit = () => {
    if (!canSubmit(entry)) return;
    setSent(maskedNumber(typed));
    setEntry(clearEntry(entry));
    void provide(typed);
  };
  const placeholder =
    entry.mode === 'digits'
      ? t('arrivals.keypad.placeholder')
      : choosingGroup && !entry.group
        ? t('arrivals.keypad.chooseGroup')
        : '';
  const display = entry.group ? `${entry.group} ${entry.digits}` : entry.digits;
  const deleteKey = (
    <Key
      testId="key-delete"
      label={t('arrivals.keypad.delete')}
      onPress={() => setEntry(deleteOne)}
    >
      ⌫
    </Key>
  );

  return (
    <div
      className="keypad"
      data-testid="keypad"
      data-mode={entry.mode}
      role="group"
      aria-labelledby="keypad-title"
    >
      <p id="keypad-title" className="keypad-title">
        {t(entry.mode === 'digits' ? 'arrivals.keypad.title' : 'arrivals.keypad.titleBhyt')}
      </p>
      <div className="keypad-modes" role="group" aria-label={t('arrivals.keypad.modes')}>
        {MODES.map(([mode, labelKey]) => (
          <button
            key={mode}
            type="button"
            className="button keypad-mode"
            data-testid={`keypad-mode-${mode}`}
            aria-pressed={entry.mode === mode}
            onClick={() => update((e) => switchMode(e, mode))}
          >
            {t(labelKey)}
          </button>
        ))}
      </div>
      <output className="keypad-display" data-testid="keypad-display" aria-live="polite">
        {sent ?? (display || placeholder)}
      </output>
      {entry.mode === 'bhyt' && hasGroup(entry) && (
        <p className="keypad-hint" data-testid="keypad-remaining">
          {t('arrivals.keypad.remaining', { count: BHYT_DIGITS - entry.digits.length })}
        </p>
      )}
      {entry.letters ? (
        <div className="keypad-letters" data-testid="keypad-letters">
          {LETTERS.map((l) => (
            <Key key={l} testId={`letter-${l}`} onPress={() => update((e) => pressLetter(e, l))}>
              {l}
            </Key>
          ))}
          <Key testId="key-letters-close" wide onPress={() => update(closeLetters)}>
            {t(choosingGroup ? 'arrivals.keypad.backToGroups' : 'arrivals.keypad.backToDigits')}
          </Key>
          {deleteKey}
        </div>
      ) : choosingGroup ? (
        <>
          <div className="keypad-groups" data-testid="keypad-groups">
            {KEYPAD_GROUP_CODES.map((code) => (
              <Key
                key={code}
                testId={`group-${code}`}
                onPress={() => update((e) => chooseGroup(e, code))}
              >
                {code}
              </Key>
            ))}
          </div>
          <Key testId="group-other" onPress={() => update(openLetters)}>
            {t('arrivals.keypad.otherGroupKey')}
          </Key>
          <p className="keypad-hint">{t('arrivals.keypad.otherGroup')}</p>
        </>
      ) : (
        <div className="keypad-keys">
          {KEYS.map((d) => (
            <Key key={d} testId={`key-${d}`} onPress={() => update((e) => pressDigit(e, d))}>
              {d}
            </Key>
          ))}
          <Key testId="key-clear" onPress={() => update(clearEntry)}>
            {t('arrivals.keypad.clear')}
          </Key>
          <Key testId="key-0" onPress={() => update((e) => pressDigit(e, '0'))}>
            0
          </Key>
          {deleteKey}
          {entry.mode === 'bhyt' && (
            // An older card's letters after the benefit digit (e.g. DN4 01 AA …).
            <Key
              testId="key-letters"
              wide
              disabled={!mayTypeLetter(entry)}
              onPress={() => update(openLetters)}
            >
              {t('arrivals.keypad.lettersKey')}
            </Key>
          )}
        </div>
      )}
      <button
        type="button"
        className="button button-primary keypad-ok"
        data-testid="key-ok"
        disabled={busy || !canSubmit(entry)}
        onClick={submit}
      >
        {t('arrivals.keypad.ok')}
      </button>
    </div>
  );
}

/** One large key of the keypad. */
function Key(props: {
  testId: string;
  onPress: () => void;
  children: ReactNode;
  label?: string;
  wide?: boolean;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className={`button keypad-key${props.wide ? ' keypad-wide' : ''}`}
      data-testid={props.testId}
      aria-label={props.label}
      disabled={props.disabled}
      onClick={props.onPress}
    >
      {props.children}
    </button>
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
