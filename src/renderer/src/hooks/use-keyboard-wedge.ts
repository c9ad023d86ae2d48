import { useEffect, useRef } from 'react';
import { createWedgeDetector, isEditableTarget } from '../lib/keyboard-wedge';

/**
 * Listens on the whole page for a keyboard-wedge scanner's burst ending in Enter. Keys typed
 * into a field belong to that field. Keys inside a burst are swallowed so that a scan cannot
 * press whichever button happens to have focus.
 */
export function useKeyboardWedge(onScan: (text: string) => void, enabled: boolean): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!enabled) return;
    const detector = createWedgeDetector();
    const onKey = (event: KeyboardEvent): void => {
      if (isEditableTarget(event.target)) return;
      const text = detector.feed(event.key, event.timeStamp);
      if (text !== null) {
        event.preventDefault();
        onScanRef.current(text);
      } else if (detector.inBurst()) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
