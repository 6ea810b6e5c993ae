import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every interval, so "on now" moves on while the screen stays open. */
export function useClock(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
