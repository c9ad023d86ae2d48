/**
 * Manual entry when a card cannot be read: a QR scanner's text (fills the fields) or typed
 * identity. Each field's problem is a sentence next to it; nothing is sent until all are right.
 */
import {
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useHospitalClock } from '../components/use-lang';
import {
  EMPTY_MANUAL_FORM,
  formFromCardQr,
  isPresentedWithoutForm,
  validateManualForm,
  type ManualErrors,
  type ManualForm,
} from '../lib/manual-identity';
import { useCheckinStore } from '../stores/checkin-store';
import { useTicketStore } from '../stores/ticket-store';

export const MANUAL_FIRST_FIELD_ID = 'manual-qr';

type Field = keyof ManualForm;

export function ManualEntryForm() {
  const { t } = useTranslation();
  const clock = useHospitalClock();
  const manualIdentity = useCheckinStore((s) => s.manualIdentity);
  const busy = useCheckinStore((s) => s.busy);
  const [form, setForm] = useState<ManualForm>(EMPTY_MANUAL_FORM);
  const [errors, setErrors] = useState<ManualErrors>({});
  const [qr, setQr] = useState('');
  const [qrError, setQrError] = useState(false);
  const [sent, setSent] = useState(false);
  /** Staff saw the ID on the person's VNeID app (its QR is for an officer's app, not us). */
  const [vneid, setVneid] = useState(false);
  const present = useCheckinStore((s) => s.provideQr);
  const ticket = useTicketStore((s) => s.ticket);
  const chooseTicket = useTicketStore((s) => s.choose);
  const submitRef = useRef<HTMLButtonElement>(null);

  const update = (field: Field, value: string): void => {
    setForm((f) => ({ ...f, [field]: value }));
    setSent(false);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const takeQr = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const filled = formFromCardQr(qr);
    if (!filled && isPresentedWithoutForm(qr)) {
      // A BHYT card QR or a typed card number: checked in as at the kiosk.
      setQrError(false);
      setQr('');
      void present(qr);
      return;
    }
    setQrError(filled === null);
    if (!filled) return;
    setForm(filled);
    setErrors({});
    setQr('');
    // The fields are filled for staff to check; Enter again on the button sends them.
    submitRef.current?.focus();
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = validateManualForm(form, clock.today());
    if (!result.ok) {
      setErrors(result.errors);
      const first = (Object.keys(result.errors) as Field[])[0];
      if (first) document.getElementById(`manual-${first}`)?.focus();
      return;
    }
    const input = {
      ...result.value,
      ...(vneid ? { document: 'vneid-desk' as const } : {}),
      ...(ticket ? { ticketVisitId: ticket.id } : {}),
    };
    if (await manualIdentity(input)) {
      setVneid(false);
      chooseTicket(null);
      setForm(EMPTY_MANUAL_FORM);
      setErrors({});
      setSent(true);
    }
  };

  /** Label, control, hint and its own error sentence: one field of the form. */
  const frame = (field: Field, labelKey: string, hintKey: string | null, control: ReactNode) => (
    <div className="field">
      <label htmlFor={`manual-${field}`}>{t(labelKey)}</label>
      {control}
      <p id={`manual-${field}-hint`} className="hint">
        {hintKey ? t(hintKey) : ''}
      </p>
      {errors[field] && (
        <p
          id={`manual-${field}-error`}
          className="field-error"
          data-testid={`manual-${field}-error`}
        >
          {t(`manual.errors.${errors[field]}`)}
        </p>
      )}
    </div>
  );
  const controlProps = (field: Field) => ({
    id: `manual-${field}`,
    'data-testid': `manual-${field}`,
    value: form[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `manual-${field}-error` : `manual-${field}-hint`,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      update(field, e.target.value),
  });
  const textField = (field: Field, labelKey: string, hintKey: string, extra: object = {}) =>
    frame(
      field,
      labelKey,
      hintKey,
      <input {...controlProps(field)} autoComplete="off" {...extra} />,
    );

  return (
    <section
      className="panel manual-entry"
      aria-labelledby="manual-title"
      data-testid="manual-entry"
    >
      <h2 id="manual-title">
        {t('manual.title')} <kbd>F2</kbd>
      </h2>
      <p className="hint">{t('manual.intro')}</p>
      {ticket && (
        <p className="lead" data-testid="manual-ticket">
          {t('arrivals.completingTicket', { number: ticket.queueNumber })}{' '}
          <button
            type="button"
            className="button button-small"
            data-testid="manual-ticket-clear"
            onClick={() => chooseTicket(null)}
          >
            {t('actions.back')}
          </button>
        </p>
      )}
      <div className="field">
        <label htmlFor={MANUAL_FIRST_FIELD_ID}>{t('manual.qr')}</label>
        <input
          id={MANUAL_FIRST_FIELD_ID}
          data-testid="manual-qr"
          value={qr}
          autoComplete="off"
          aria-describedby="manual-qr-hint"
          aria-invalid={qrError || undefined}
          onChange={(e) => setQr(e.target.value)}
          onKeyDown={takeQr}
        />
        <p id="manual-qr-hint" className="hint">
          {qrError ? (
            <span className="field-error">{t('manual.errors.qrFormat')}</span>
          ) : (
            t('manual.qrHint')
          )}
        </p>
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {textField('idNumber', 'manual.idNumber', 'manual.idHint', { inputMode: 'numeric' })}
        {textField('fullName', 'manual.fullName', 'manual.nameHint')}
        <div className="field-row">
          {textField('dateOfBirth', 'manual.dateOfBirth', 'manual.dobHint', {
            placeholder: 'dd/mm/yyyy',
          })}
          {frame(
            'sex',
            'manual.sex',
            null,
            <select {...controlProps('sex')}>
              <option value="">{t('manual.sexChoose')}</option>
              <option value="M">{t('manual.male')}</option>
              <option value="F">{t('manual.female')}</option>
            </select>,
          )}
        </div>
        {textField('cardNumber', 'manual.cardNumber', 'manual.cardHint')}
        <div className="field">
          <label>
            <input
              type="checkbox"
              data-testid="manual-vneid"
              checked={vneid}
              onChange={(e) => setVneid(e.target.checked)}
            />{' '}
            {t('arrivals.vneidShown')}
          </label>
        </div>
        <button
          ref={submitRef}
          type="submit"
          className="button button-primary"
          data-testid="manual-submit"
          disabled={busy}
        >
          {t('manual.submit')}
        </button>
        <p aria-live="polite" className="hint" data-testid="manual-sent">
          {sent ? t('manual.sent') : ''}
        </p>
      </form>
    </section>
  );
}
