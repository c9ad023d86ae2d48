import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onTimeout` after `seconds` without a touch or key while `active`. The countdown starts
 * over on every interaction and whenever `restartKey` changes (a new screen is new reading).
 */
export function useIdleTimeout(
  active: boolean,
  seconds: number,
  restartKey: string,
  onTimeout: () => void,
): void {
  const onTimeoutRef = useRef(onTimeout);
  useEffect(() => {
    onTimeoutRef.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    if (!active || seconds <= 0) return;
    let timer = window.setTimeout(() => onTimeoutRef.current(), seconds * 1000);
    const restart = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onTimeoutRef.current(), seconds * 1000);
    };
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, restart, { capture: true, passive: true });
    }
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, true);
    };
  }, [active, seconds, restartKey]);
}

/** Seconds left of a countdown that starts when the component mounts; `onZero` at the end. */
export function useCountdown(seconds: number, onZero: () => void): number {
  const onZeroRef = useRef(onZero);
  useEffect(() => {
    onZeroRef.current = onZero;
  }, [onZero]);
  const [left, setLeft] = useState(seconds);

  useEffect(() => {
    const started = Date.now();
    const tick = window.setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        window.clearInterval(tick);
        onZeroRef.current();
      }
    }, 250);
    return () => window.clearInterval(tick);
  }, [seconds]);
  return left;
}
