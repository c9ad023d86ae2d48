/**
 * The waiting-room board: the number being called, large, with its room; the last few called;
 * how many wait per room. Every label in Vietnamese, then English (the room is full of both).
 * Read-only: it shows numbers (masked names only when configured) and plays the spoken call.
 */
import { useEffect, useRef } from 'react';
import { i18n } from '../i18n';
import type { BoardCall } from '../../../shared/domain';
import { useAppStore } from '../stores/app-store';
import { useCallingStore } from '../stores/calling-store';
import { kioskApi } from '../api';

const vi = i18n.getFixedT('vi');
const en = i18n.getFixedT('en');

function Both({ k, count }: { k: string; count?: number }) {
  const opts = count === undefined ? undefined : { count };
  return (
    <>
      <span lang="vi">{vi(k, opts)}</span>{' '}
      <span lang="en" className="board-en">
        {en(k, opts)}
      </span>
    </>
  );
}

/** Plays the spoken call when a new call (or a call again) reaches the board. */
function useCallSound(latest: BoardCall | null, enabled: boolean): void {
  const heard = useRef<string | null>(null);
  useEffect(() => {
    if (!latest) return;
    const key = `${latest.visitId}:${latest.calls}`;
    // The first board after start-up is not a new call: say nothing.
    if (heard.current === null) {
      heard.current = key;
      return;
    }
    if (heard.current === key || !enabled) return;
    heard.current = key;
    void kioskApi()
      .request('queue.audio', { visitId: latest.visitId, room: latest.room })
      .then((url) => new Audio(url).play())
      .catch(() => {
        // No sound (no espeak-ng, autoplay refused): the board still shows the call.
      });
  }, [latest, enabled]);
}

export function DisplayScreen() {
  const info = useAppStore((s) => s.info);
  const board = useCallingStore((s) => s.board);
  const latest = board?.latest ?? null;
  useCallSound(latest, info?.queue?.sound ?? false);

  return (
    <main className="display" data-testid="display-screen">
      <h1 className="visually-hidden">
        <Both k="display.title" />
      </h1>
      <header className="display-header">
        <p className="display-hospital">{info?.hospital.name.vi}</p>
        <p className="display-hospital board-en">{info?.hospital.name.en}</p>
      </header>
      <section className="display-now" aria-live="assertive" aria-labelledby="display-now-title">
        <h2 id="display-now-title" className="display-label">
          <Both k="display.nowCalling" />
        </h2>
        {latest ? (
          <div className="display-call" data-testid="display-latest">
            <p className="display-number" data-testid="display-number">
              {latest.queueNumber}
            </p>
            {latest.maskedName && <p className="display-name">{latest.maskedName}</p>}
            <p className="display-room" data-testid="display-room">
              <span lang="vi">→ {latest.roomName.vi}</span>{' '}
              <span lang="en" className="board-en">
                {latest.roomName.en}
              </span>
            </p>
          </div>
        ) : (
          <p className="display-empty" data-testid="display-empty">
            <Both k="display.nobodyYet" />
          </p>
        )}
      </section>
      <div className="display-lower">
        <section className="display-recent" aria-labelledby="display-recent-title">
          <h2 id="display-recent-title" className="display-label">
            <Both k="display.recent" />
          </h2>
          <ul data-testid="display-recent">
            {(board?.recent ?? []).map((c) => (
              <li key={c.visitId}>
                <span className="display-recent-number">{c.queueNumber}</span>
                <span className="display-recent-room">
                  {c.roomName.vi}
                  {c.maskedName ? ` · ${c.maskedName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="display-rooms" aria-labelledby="display-rooms-title">
          <h2 id="display-rooms-title" className="display-label">
            <Both k="display.waiting" />
          </h2>
          <table data-testid="display-rooms">
            <thead>
              <tr>
                <th scope="col">
                  <Both k="display.room" />
                </th>
                <th scope="col">
                  <Both k="display.calling" />
                </th>
                <th scope="col">
                  <Both k="display.waitingCount" />
                </th>
              </tr>
            </thead>
            <tbody>
              {(board?.rooms ?? []).map((r) => (
                <tr key={r.code} data-testid={`display-room-${r.code}`}>
                  <th scope="row">
                    <span lang="vi">{r.name.vi}</span>{' '}
                    <span lang="en" className="board-en">
                      {r.name.en}
                    </span>
                  </th>
                  <td>{r.calling?.queueNumber ?? '—'}</td>
                  <td>{r.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </main>
  );
}
