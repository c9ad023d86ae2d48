/**
 * The officer at this desk for the shift: sign in with one's own CCCD on the reader (its ID
 * number or the QR opens the chip; the chip gives the name) or by typing name and ID; sign out.
 * The lookups of this desk carry the officer signed in here.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSentence } from '../components/ErrorSentence';
import { useHospitalClock } from '../components/use-lang';
import { useStaffStore } from '../stores/staff-store';

export function OfficerPanel() {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  const officer = useStaffStore((s) => s.officer);
  const error = useStaffStore((s) => s.error);
  const dismiss = useStaffStore((s) => s.dismiss);
  const signOut = useStaffStore((s) => s.signOut);
  return (
    <section
      className="panel officer-panel"
      aria-labelledby="officer-title"
      data-testid="officer-panel"
    >
      <h2 id="officer-title">{t('desk.officer.title')}</h2>
      {officer ? (
        <div data-testid="officer-signed-in" data-method={officer.method}>
          <p>
            <strong data-testid="officer-name">{officer.name}</strong>
            {' · '}
            {t(`desk.officer.method.${officer.method}`)}
            {' · '}
            {t('desk.officer.since', { time: clock.time(officer.signedInAt) })}
          </p>
          <button
            type="button"
            className="button button-secondary"
            data-testid="officer-sign-out"
            onClick={() => void signOut()}
          >
            {t('desk.officer.signOut')}
          </button>
        </div>
      ) : (
        <>
          <p className="hint">{t('desk.officer.none')}</p>
          <CardSignIn />
          <TypedSignIn />
        </>
      )}
      {error && (
        <ErrorSentence audience="staff" error={error} testId="officer-error" onDismiss={dismiss} />
      )}
    </section>
  );
}

function CardSignIn() {
  const { t } = useTranslation();
  const busy = useStaffStore((s) => s.busy);
  const signIn = useStaffStore((s) => s.signInWithCard);
  const [key, setKey] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const text = key.trim();
    if (!text) return;
    // Twelve digits: the ID number (its last six open a PACE chip); anything else: the QR.
    void signIn(/^\d{12}$/.test(text) ? { kind: 'id', idNumber: text } : { kind: 'qr', text }).then(
      (ok) => ok && setKey(''),
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="officer-card-form">
      <label htmlFor="officer-card-key">{t('desk.officer.cardKey')}</label>
      <input
        id="officer-card-key"
        data-testid="officer-card-key"
        value={key}
        autoComplete="off"
        onChange={(e) => setKey(e.target.value)}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={busy}
        data-testid="officer-card-submit"
      >
        {t('desk.officer.signInCard')}
      </button>
    </form>
  );
}

function TypedSignIn() {
  const { t } = useTranslation();
  const busy = useStaffStore((s) => s.busy);
  const signIn = useStaffStore((s) => s.signInTyped);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void signIn(name, idNumber).then((ok) => {
      if (ok) {
        setName('');
        setIdNumber('');
      }
    });
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="officer-typed-form">
      <label htmlFor="officer-name-input">{t('desk.officer.name')}</label>
      <input
        id="officer-name-input"
        data-testid="officer-name-input"
        value={name}
        autoComplete="off"
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor="officer-id-input">{t('desk.officer.idNumber')}</label>
      <input
        id="officer-id-input"
        data-testid="officer-id-input"
        inputMode="numeric"
        value={idNumber}
        autoComplete="off"
        onChange={(e) => setIdNumber(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy} data-testid="officer-typed-submit">
        {t('desk.officer.signInTyped')}
      </button>
    </form>
  );
}
