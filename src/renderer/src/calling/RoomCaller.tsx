/**
 * The room's caller: Call next, Call again, Skip, Patient in, Done, as buttons and keys
 * (F6–F10), and the room's skipped patients to recall. Used by the desk and the room station.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRoom, RoomAction, Visit } from '../../../shared/domain';
import { ErrorSentence } from '../components/ErrorSentence';
import { usePick } from '../components/use-lang';
import { useAppStore } from '../stores/app-store';
import { useCallingStore } from '../stores/calling-store';
import { useVisitsStore } from '../stores/visits-store';

type Command = 'call-next' | Exclude<RoomAction, 'recall'>;

/** Keys of the caller's commands; F1–F5 stay free for the desk's own shortcuts. */
export const CALLER_KEYS: Readonly<Record<string, Command>> = {
  F6: 'call-next',
  F7: 'call-again',
  F8: 'skip',
  F9: 'patient-in',
  F10: 'done',
};

/** One empty list: a fresh `[]` per render would make the store selector loop. */
const NO_ROOMS: readonly QueueRoom[] = [];

function enabled(command: Command, current: Visit | null): boolean {
  const state = current?.progress?.state;
  switch (command) {
    case 'call-next':
      return state !== 'called' && state !== 'in-room';
    case 'call-again':
    case 'skip':
    case 'patient-in':
      return state === 'called';
    case 'done':
      return state === 'in-room';
  }
}

export function RoomCaller() {
  const { t } = useTranslation();
  const pick = usePick();
  const rooms = useAppStore((s) => s.info?.queue?.rooms ?? NO_ROOMS);
  const configuredRoom = useAppStore((s) => s.info?.queue?.room ?? null);
  const { room, current, busy, error, nobodyWaiting, board } = useCallingStore();
  const setRoom = useCallingStore((s) => s.setRoom);
  const callNext = useCallingStore((s) => s.callNext);
  const act = useCallingStore((s) => s.act);
  const visits = useVisitsStore((s) => s.visits);

  useEffect(() => {
    const first = configuredRoom ?? rooms[0]?.code ?? null;
    if (!room && first) setRoom(first);
  }, [room, configuredRoom, rooms, setRoom]);

  const run = (command: Command): void => {
    if (busy || !enabled(command, current)) return;
    if (command === 'call-next') void callNext();
    else void act(command);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const command = CALLER_KEYS[event.key];
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const roomInfo = rooms.find((r) => r.code === room);
  const waiting = board?.rooms.find((r) => r.code === room)?.waiting;
  const skipped = visits.filter(
    (v) =>
      v.progress?.state === 'skipped' &&
      v.progress.room === room &&
      roomInfo?.departments.includes(v.department),
  );
  const keyOf = (command: Command): string =>
    Object.entries(CALLER_KEYS).find(([, c]) => c === command)![0];

  return (
    <section className="panel room-caller" aria-labelledby="caller-title" data-testid="room-caller">
      <h2 id="caller-title">{t('calling.title')}</h2>
      <div className="field">
        <label htmlFor="caller-room">{t('calling.room')}</label>
        <select
          id="caller-room"
          data-testid="caller-room"
          value={room ?? ''}
          disabled={configuredRoom !== null}
          onChange={(e) => setRoom(e.target.value)}
        >
          {rooms.map((r) => (
            <option key={r.code} value={r.code}>
              {pick(r.name)}
            </option>
          ))}
        </select>
      </div>
      <p className="caller-waiting" data-testid="caller-waiting">
        {waiting === undefined ? '' : t('calling.waiting', { count: waiting })}
      </p>
      <div className="caller-current" aria-live="polite" data-testid="caller-current">
        {current ? (
          <>
            <span className="caller-number">{current.queueNumber}</span>{' '}
            <span className="caller-state">
              {t(`progress.${current.progress?.state ?? 'waiting'}`)}
            </span>
            {current.patient.fullName && (
              <span className="caller-name"> · {current.patient.fullName}</span>
            )}
          </>
        ) : nobodyWaiting ? (
          t('calling.nobodyWaiting')
        ) : (
          t('calling.noneCalled')
        )}
      </div>
      <div className="caller-buttons">
        {(Object.values(CALLER_KEYS) as Command[]).map((command) => (
          <button
            key={command}
            type="button"
            className={`button ${command === 'call-next' ? 'button-primary' : ''}`}
            data-testid={`caller-${command}`}
            disabled={busy || !enabled(command, current)}
            aria-keyshortcuts={keyOf(command)}
            onClick={() => run(command)}
          >
            {t(`calling.actions.${command}`)} <kbd>{keyOf(command)}</kbd>
          </button>
        ))}
      </div>
      {error && <ErrorSentence audience="staff" error={error} testId="caller-error" />}
      {skipped.length > 0 && (
        <div className="caller-skipped">
          <h3>{t('calling.skipped')}</h3>
          <ul>
            {skipped.map((v) => (
              <li key={v.id}>
                <span className="queue-cell">{v.queueNumber}</span>{' '}
                <button
                  type="button"
                  className="button button-small"
                  data-testid="caller-recall"
                  aria-label={t('calling.recallLabel', { number: v.queueNumber })}
                  disabled={
                    busy || enabled('call-again', current) || current?.progress?.state === 'in-room'
                  }
                  onClick={() => void act('recall', v.id)}
                >
                  {t('calling.actions.recall')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
