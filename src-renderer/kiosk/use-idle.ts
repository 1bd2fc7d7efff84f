import { useEffect, useRef, useState } from 'react';

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** True once nobody has touched the screen for `seconds`; any touch makes it false again. */
export function useIdle(seconds: number, enabled: boolean) {
  const [idle, setIdle] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!enabled) {
      setIdle(false);
      return;
    }
    const arm = () => {
      setIdle(false);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setIdle(true), seconds * 1000);
    };
    arm();
    EVENTS.forEach((e) => window.addEventListener(e, arm, { passive: true }));
    return () => {
      if (timer.current) clearTimeout(timer.current);
      EVENTS.forEach((e) => window.removeEventListener(e, arm));
    };
  }, [seconds, enabled]);
  return idle;
}
