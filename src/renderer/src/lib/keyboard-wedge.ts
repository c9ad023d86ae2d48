/**
 * A keyboard-wedge QR scanner "types" the code's text followed by Enter, far faster than a
 * person can. This detector tells such bursts apart from human typing by the gap between keys,
 * so the kiosk can listen on the whole page without a text field.
 */
export interface WedgeOptions {
  /** Longest pause between two keys of one scan. Scanners send a key every few ms. */
  maxGapMs: number;
  /** Shorter bursts ending in Enter are people pressing keys, not a scan. */
  minLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { maxGapMs: 50, minLength: 10 };

export interface WedgeDetector {
  /** Feeds one keydown (`key` as in KeyboardEvent.key); returns the scanned text on Enter. */
  feed(key: string, timeMs: number): string | null;
  /** The key just fed continued a fast burst (so it is a scanner's, not a person's). */
  inBurst(): boolean;
  clear(): void;
}

export function createWedgeDetector(options: Partial<WedgeOptions> = {}): WedgeDetector {
  const { maxGapMs, minLength } = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  // A scanner (or the machine receiving it) may stall once in a while: one pause up to this long
  // inside a burst is tolerated, so a busy kiosk does not drop the first characters of a scan.
  const hiccupMs = maxGapMs * 4;
  let keys: { key: string; time: number }[] = [];
  let lastTime = Number.NEGATIVE_INFINITY;
  let burst = false;

  /** The text of the fast burst ending with a key at `endTime`, allowing one hiccup. */
  function burstText(endTime: number): string {
    let hiccups = 0;
    let next = endTime;
    let start = keys.length;
    while (start > 0) {
      const gap = next - keys[start - 1]!.time;
      if (gap > maxGapMs) {
        if (gap > hiccupMs || hiccups > 0) break;
        hiccups++;
      }
      next = keys[start - 1]!.time;
      start--;
    }
    return keys
      .slice(start)
      .map((k) => k.key)
      .join('');
  }

  return {
    feed(key, timeMs) {
      const gap = timeMs - lastTime;
      lastTime = timeMs;
      burst = gap <= maxGapMs && keys.length > 0;
      if (key === 'Enter') {
        const text = burstText(timeMs);
        keys = [];
        return text.length >= minLength ? text : null;
      }
      // Shift, Alt and friends arrive between characters on some scanners: not part of the text.
      if (key.length !== 1 && !isSingleCodePoint(key)) return null;
      // After a long pause whatever was collected came from a person: start again.
      if (gap > hiccupMs) keys = [];
      keys.push({ key, time: timeMs });
      return null;
    },
    inBurst() {
      return burst;
    },
    clear() {
      burst = false;
      keys = [];
      lastTime = Number.NEGATIVE_INFINITY;
    },
  };
}

function isSingleCodePoint(key: string): boolean {
  return [...key].length === 1;
}

/** True when the key goes into a field the person is typing in, so it is not a page-wide scan. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
}
