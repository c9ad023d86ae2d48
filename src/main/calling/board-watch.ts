/**
 * Notices queue changes made by other processes on the same store (another station on the
 * shared server, a second caller on this SQLite file, the CLI): the board is re-read every
 * `intervalMs` and a change fires `onChange`. Changes made here are announced at once by the
 * calling service; this is what keeps a display on another station within a second.
 */
import type { CallingService } from './calling-service';

export interface BoardWatch {
  stop(): void;
}

export function watchBoard(
  calling: CallingService,
  onChange: () => void,
  options: { intervalMs: number; onError?: (err: unknown) => void },
): BoardWatch {
  let last: string | null = null;
  let busy = false;
  // A store that stays away is reported once, not twice a second.
  let failing = false;
  const tick = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const text = JSON.stringify(await calling.board());
      if (last !== null && text !== last) onChange();
      last = text;
      failing = false;
    } catch (err) {
      if (!failing) options.onError?.(err);
      failing = true;
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
